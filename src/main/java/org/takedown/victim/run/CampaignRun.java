package org.takedown.victim.run;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import org.takedown.victim.campaign.SmsProvider;

/**
 * The sending of one campaign: at most one per campaign, so a victim is reached once. It is built into the delivery
 * ledger a slice of the list at a time ({@code builtThrough}: the last victim queued), then sends; an officer may pause
 * it, and outside its window it waits by itself.
 */
@Entity
@Table(name = "campaign_run")
public class CampaignRun extends PanacheEntityBase {

    /** The channel of SMS campaigns. */
    public static final String SMS = "sms";

    public enum Status {
        /** Its rows are being queued; nothing goes until every recipient is. */
        BUILDING,
        /** Queued: its rows go while its window is open and it is not paused. */
        SENDING
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public long campaignId;
    public long operationId;
    public String channel;

    @Enumerated(EnumType.STRING)
    public Status status;

    public boolean paused;
    /** The list as it was when the run started (the approved one). */
    public String listDigest;

    public long queued;
    public long builtThrough;
    public String startedBy;
    public Instant startedAt;
    public Instant builtAt;
    public String pausedBy;
    /** The channel its unsent rows left when its provider was down; null while it never failed over. */
    public String failedOverFrom;

    public Instant failedOverAt;
    public Instant updatedAt;

    /** The provider its rows go through now. */
    public SmsProvider provider() {
        return Arrays.stream(SmsProvider.values())
                .filter(p -> p.channel().equals(channel))
                .findFirst()
                .orElseThrow();
    }

    /** Whether its rows wait: while it is built, paused, or its window is shut ({@code open}: it is not). */
    boolean held(boolean open) {
        return status == Status.BUILDING || paused || !open;
    }
}
