package org.takedown.victim.campaign;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.takedown.common.LanguageTexts;
import org.takedown.victim.list.Recipient;
import org.takedown.victim.message.Personalisation;

/**
 * An SMS campaign to the victims of one list: officer text per language with placeholders and their fallbacks, the
 * campaign reference every text carries, the sender ID, and the window. The last six fields are what the lint of
 * every recipient's rendered text found when the campaign or its list last changed.
 */
@Entity
@Table(name = "campaign")
public class Campaign extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public long operationId;
    public long listId;
    public String name;
    /** The reference the public and the press will know the campaign by ("ELABORATE"). */
    public String reference;

    public String senderId;

    @Enumerated(EnumType.STRING)
    public SmsProvider provider = SmsProvider.SMPP;

    /** Where its messages not yet sent go when its provider is down (none: they wait for it). */
    @Enumerated(EnumType.STRING)
    public SmsProvider fallbackProvider;

    public String defaultLanguage;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "campaign_text", joinColumns = @JoinColumn(name = "campaign_id"))
    @MapKeyColumn(name = "lang")
    @Column(name = "body")
    public Map<String, String> texts = new HashMap<>();

    /** What a placeholder becomes for a recipient without a value for it. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "campaign_fallback", joinColumns = @JoinColumn(name = "campaign_id"))
    @MapKeyColumn(name = "placeholder")
    @Column(name = "fallback")
    public Map<String, String> fallbacks = new HashMap<>();

    public Instant windowStart;
    public Instant windowEnd;
    public LocalTime quietFrom;
    public LocalTime quietUntil;
    public int maxFragments;

    /** The list as it was linted ({@code VictimListService#digest}). */
    public String listDigest;

    public long recipients;
    public int worstFragments;
    public long fragmentsTotal;
    public long ucs2Recipients;

    public String createdBy;
    public Instant createdAt;
    public Instant updatedAt;

    /** When it may send, in the operation's zone. */
    public CampaignWindow window(String zone) {
        return new CampaignWindow(windowStart, windowEnd, quietFrom, quietUntil, ZoneId.of(zone));
    }

    /** The message this recipient gets: the text of their language, rendered with their values. */
    public String textFor(Recipient recipient) {
        String text = texts.get(languageFor(recipient.language()));
        return Personalisation.render(text, reference, recipient.values(), fallbacks);
    }

    /** The language a victim who reads {@code wanted} gets: that text, else its primary language's, else the default. */
    public String languageFor(String wanted) {
        return LanguageTexts.pick(wanted, texts, defaultLanguage);
    }
}
