package org.takedown.notice;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Basic;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An image a notice is sent with, stored once by content digest and never changed: a queued row names the exact
 * bytes it was rendered with, whatever later happens to the notice.
 */
@Entity
@Table(name = "notice_image")
public class NoticeImage extends PanacheEntityBase {

    @Id
    public String sha256;

    public String contentType;

    @Basic(fetch = FetchType.LAZY)
    public byte[] bytes;

    public int width;
    public int height;
    /** Telegram's id for these bytes after the first upload, so later sends do not upload them again. */
    public String telegramFileId;

    public Instant createdAt;
}
