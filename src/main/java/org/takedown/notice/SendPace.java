package org.takedown.notice;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The earliest instant the next message may go: globally ({@link #GLOBAL}) or to one chat. Shared by replicas. */
@Entity
@Table(name = "send_pace")
public class SendPace extends PanacheEntityBase {

    static final String GLOBAL = "global";

    @Id
    @Column(name = "pace_key")
    public String key;
    public Instant readyAt;

    static String chatKey(String chat) {
        return "chat:" + chat.toLowerCase(java.util.Locale.ROOT);
    }
}
