package org.takedown.delivery;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Locale;

/**
 * The earliest instant a channel's next message may go: from the channel at all ({@code <channel>:global}) or to one
 * address ({@code <channel>:address:<address>}); also each dispatcher's heartbeat. Shared by replicas.
 */
@Entity
@Table(name = "send_pace")
public class SendPace extends PanacheEntityBase {

    @Id
    @Column(name = "pace_key")
    public String key;

    public Instant readyAt;

    static String global(String channel) {
        return channel + ":global";
    }

    static String address(String channel, String address) {
        return channel + ":address:" + address.toLowerCase(Locale.ROOT);
    }

    static String dispatcher(String channel, String digest) {
        return channel + ":dispatcher:" + digest;
    }
}
