package org.takedown.victim.run;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A campaign's ledger row, as its channel needs it: the victim it reaches (the row itself carries only
 * {@code victim:<id>}, never a number), and whether a temporary failure already sent it again.
 */
@Entity
@Table(name = "campaign_delivery")
public class CampaignDelivery extends PanacheEntityBase {

    @Id
    public Long deliveryId;

    public long campaignId;
    public long victimId;
    /** A receipt said it failed for now and it was sent again: a second such failure is final. */
    public boolean resent;
}
