package org.takedown.notice;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.takedown.common.LanguageTexts;

/** A warning notice: officer text per language, its audience, whether to pin it, and when to send it. */
@Entity
@Table(name = "notice")
public class Notice extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public long operationId;
    public String title;
    public String defaultLanguage;
    public boolean pin;
    /** Every Telegram target of the operation, or only {@link #targetIds}. */
    public boolean allTargets;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public NoticeOverflow overflow = NoticeOverflow.REFUSE;
    /** Officer text (data, never a template) by BCP 47 language tag. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "notice_text", joinColumns = @JoinColumn(name = "notice_id"))
    @MapKeyColumn(name = "lang")
    @Column(name = "body")
    public Map<String, String> texts = new HashMap<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "notice_target", joinColumns = @JoinColumn(name = "notice_id"))
    @Column(name = "target_id")
    public Set<Long> targetIds = new HashSet<>();
    /** The image sent as a photo with the first part as its caption ({@link NoticeImage}); null: text only. */
    public String imageSha256;
    /** Send notifications silently ({@code disable_notification}). */
    public boolean silent;
    /** Once at this instant ... */
    public Instant sendAt;
    /** ... or by this Quartz cron expression, in the operation's zone. */
    public String cron;
    /** Daily send window in the operation's zone (both or neither; start after end spans midnight). */
    public LocalTime windowStart;

    public LocalTime windowEnd;
    /** A firing later than this after its due time is recorded as SKIPPED_LATE and not sent. */
    public long maxLatenessSeconds = NoticeSchedule.DEFAULT_MAX_LATENESS.toSeconds();
    /** Why Telegram refused this content; nothing more of it is sent until an officer edits it. */
    public String blockedReason;

    public Instant createdAt;
    public Instant updatedAt;

    /**
     * The language a reader who wants {@code wanted} gets: that text, else the text in its primary language
     * ({@code de} for {@code de-AT}), else the default language.
     */
    public String languageFor(String wanted) {
        return LanguageTexts.pick(wanted, texts, defaultLanguage);
    }

    public boolean scheduled() {
        return sendAt != null || cron != null;
    }
}
