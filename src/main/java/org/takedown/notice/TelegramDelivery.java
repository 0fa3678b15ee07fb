package org.takedown.notice;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.takedown.delivery.Delivery;

/**
 * What a Telegram ledger row ({@link org.takedown.delivery.Delivery}) carries beyond what the engine reads: the notice
 * and target it is for, the language, whether part 0 goes as a photo, silently, and pinned.
 */
@Entity
@Table(name = "telegram_delivery")
public class TelegramDelivery extends PanacheEntityBase {

    /** Pinning after the message was sent: pinning again is harmless, so it needs no ledger of its own. */
    public enum PinStatus {
        PENDING,
        PINNED,
        FAILED
    }

    @Id
    public Long deliveryId;

    public long noticeId;
    public long targetId;
    public String language;
    /** Part 0 of a notice with an image: sent as this photo ({@link NoticeImage}) with the payload as caption. */
    public String photoSha256;

    public boolean silent;
    public boolean pin;

    @Enumerated(EnumType.STRING)
    public PinStatus pinStatus;

    /**
     * Records what Telegram needs for a queued row of a notice to a target: part 0 carries the notice's image (when it
     * is sent as a photo) and its pin.
     */
    static TelegramDelivery queue(Delivery row, Notice notice, TelegramTarget target, String language, boolean photo) {
        TelegramDelivery extra = new TelegramDelivery();
        extra.deliveryId = row.id;
        extra.noticeId = notice.id;
        extra.targetId = target.id;
        extra.language = language;
        extra.photoSha256 = photo && row.part == 0 ? notice.imageSha256 : null;
        extra.silent = notice.silent;
        extra.pin = notice.pin && row.part == 0;
        extra.persist();
        return extra;
    }

    /** The rows' Telegram data, by delivery id, in one query. */
    static Map<Long, TelegramDelivery> of(Collection<Long> deliveryIds) {
        if (deliveryIds.isEmpty()) {
            return Map.of();
        }
        List<TelegramDelivery> found = list("deliveryId in ?1", deliveryIds);
        return found.stream().collect(Collectors.toMap(t -> t.deliveryId, Function.identity()));
    }
}
