package org.takedown.notice;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.takedown.common.ProblemException;

/**
 * Accepts a notice image only if Telegram will take it as a photo: a PNG or JPEG whose bytes are what the content
 * type says, at most {@link #MAX_BYTES}, width + height at most 10,000 and a side ratio of at most 20 (Telegram's
 * {@code sendPhoto} limits). The dimensions are read from the header first; then the image is decoded, subsampled
 * to a thumbnail, so a truncated or corrupt file is refused here rather than by Telegram and a large one costs
 * little memory.
 */
final class NoticeImageCheck {

    static final int MAX_BYTES = 1024 * 1024;
    static final String PNG = "image/png";
    static final String JPEG = "image/jpeg";
    private static final Map<String, String> FORMATS = Map.of(PNG, "png", JPEG, "jpeg");

    /** What was checked. */
    record Checked(String contentType, int width, int height) {}

    private NoticeImageCheck() {}

    /** The checked image, or a 413/415/422 problem. */
    static Checked check(String declaredType, byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            throw new ProblemException(413, "Content Too Large", "A notice image may be at most 1 MB", List.of());
        }
        String type = declaredType == null
                ? ""
                : declaredType.toLowerCase(Locale.ROOT).split(";")[0].strip();
        String format = FORMATS.get(type);
        if (format == null) {
            throw new ProblemException(
                    415, "Unsupported Media Type", "A notice image must be image/png or image/jpeg", List.of());
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw refused("the content is not a " + format.toUpperCase(Locale.ROOT) + " image");
            }
            ImageReader reader = readers.next();
            try {
                if (!reader.getFormatName().equalsIgnoreCase(format)) {
                    throw refused("the content is " + reader.getFormatName().toUpperCase(Locale.ROOT) + ", not "
                            + format.toUpperCase(Locale.ROOT) + " as declared");
                }
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width <= 0 || height <= 0 || width + height > 10_000) {
                    throw refused("width + height may be at most 10000 pixels (Telegram's limit); it is " + width
                            + " × " + height);
                }
                if (Math.max(width, height) > 20L * Math.min(width, height)) {
                    throw refused("the sides may differ by a factor of at most 20 (Telegram's limit); it is " + width
                            + " × " + height);
                }
                ImageReadParam thumbnail = reader.getDefaultReadParam();
                int step = Math.max(1, Math.max(width, height) / 256);
                thumbnail.setSourceSubsampling(step, step, 0, 0);
                reader.read(0, thumbnail);
                return new Checked(type, width, height);
            } finally {
                reader.dispose();
            }
        } catch (ProblemException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // ImageIO reports a corrupt header with unchecked exceptions as well as IIOException.
            throw refused("the " + format.toUpperCase(Locale.ROOT) + " image cannot be decoded (truncated or corrupt)");
        }
    }

    private static ProblemException refused(String why) {
        return ProblemException.invalidField(422, "image", why);
    }
}
