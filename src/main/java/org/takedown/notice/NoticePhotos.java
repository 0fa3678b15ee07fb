package org.takedown.notice;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.ByteArrayInputStream;
import java.util.Locale;
import org.jboss.logging.Logger;
import org.telegram.telegrambots.meta.api.objects.InputFile;

/**
 * Sends a notice's photo: uploaded once, then by the file id Telegram gave it (kept with the image, so every replica
 * reuses it). A file id Telegram no longer accepts (for instance after the bot token changed) is forgotten and the
 * bytes are uploaded again — a refused request delivered nothing, so that is not a second delivery.
 */
@ApplicationScoped
public class NoticePhotos {

    private static final Logger LOG = Logger.getLogger(NoticePhotos.class);

    /** An image as a send needs it: the file id when Telegram has one, else the bytes. */
    record Photo(String sha256, String contentType, String fileId, byte[] bytes) {}

    @Inject
    TelegramGateway gateway;

    public SendOutcome send(String chat, String sha256, String caption, boolean silent) {
        Photo photo = load(sha256, false);
        if (photo.fileId() != null) {
            SendOutcome outcome = gateway.sendPhoto(chat, new InputFile(photo.fileId()), caption, silent);
            if (!fileIdRefused(outcome)) {
                return outcome;
            }
            LOG.infof("Telegram no longer accepts the file id of image %s: uploading it again", sha256);
            forget(sha256, photo.fileId());
            photo = load(sha256, true);
        }
        String name = "notice." + (NoticeImageCheck.JPEG.equals(photo.contentType()) ? "jpg" : "png");
        SendOutcome outcome =
                gateway.sendPhoto(chat, new InputFile(new ByteArrayInputStream(photo.bytes()), name), caption, silent);
        if (outcome instanceof SendOutcome.Sent sent && sent.photoFileId() != null) {
            remember(sha256, sent.photoFileId());
        }
        return outcome;
    }

    private static boolean fileIdRefused(SendOutcome outcome) {
        return outcome instanceof SendOutcome.Failed failed
                && !failed.retryable()
                && failed.reason().toLowerCase(Locale.ROOT).contains("file identifier");
    }

    @Transactional
    Photo load(String sha256, boolean withBytes) {
        NoticeImage image = NoticeImage.findById(sha256);
        if (image == null) {
            throw new IllegalStateException("Image " + sha256 + " of a queued row is gone");
        }
        return new Photo(
                sha256,
                image.contentType,
                image.telegramFileId,
                withBytes || image.telegramFileId == null ? image.bytes : null);
    }

    @Transactional
    void remember(String sha256, String fileId) {
        NoticeImage.update("telegramFileId = ?1 where sha256 = ?2 and telegramFileId is null", fileId, sha256);
    }

    @Transactional
    void forget(String sha256, String fileId) {
        NoticeImage.update("telegramFileId = null where sha256 = ?1 and telegramFileId = ?2", sha256, fileId);
    }
}
