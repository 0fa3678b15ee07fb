package org.takedown.notice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.takedown.common.ProblemException;
import org.takedown.support.Fixtures;

class NoticeImageCheckTest {

    @Test
    void acceptsPngAndJpegWithinTelegramsLimits() {
        assertEquals(
                new NoticeImageCheck.Checked("image/png", 640, 480),
                NoticeImageCheck.check("image/png", Fixtures.image("png", 640, 480)));
        assertEquals(
                new NoticeImageCheck.Checked("image/jpeg", 800, 40),
                NoticeImageCheck.check("image/jpeg; charset=binary", Fixtures.image("jpeg", 800, 40)));
        assertEquals(
                new NoticeImageCheck.Checked("image/png", 5000, 5000),
                NoticeImageCheck.check("image/png", Fixtures.image("png", 5000, 5000)),
                "width + height = 10,000 is Telegram's limit, still allowed");
    }

    @Test
    void refusesWhatTelegramWouldRefuse() {
        assertRefused(422, "image/png", Fixtures.image("png", 5001, 5000), "width + height");
        assertRefused(422, "image/png", Fixtures.image("png", 2100, 100), "factor of at most 20");
        assertRefused(422, "image/jpeg", Fixtures.image("png", 100, 100), "PNG, not JPEG");
        assertRefused(422, "image/png", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(), "not a PNG");
        byte[] png = Fixtures.image("png", 300, 300);
        assertRefused(422, "image/png", Arrays.copyOf(png, png.length / 2), "truncated or corrupt");
        assertRefused(415, "image/gif", Fixtures.image("gif", 10, 10), "image/png or image/jpeg");
        assertRefused(415, null, png, "image/png or image/jpeg");
        assertRefused(413, "image/png", new byte[NoticeImageCheck.MAX_BYTES + 1], "at most 1 MB");
    }

    private static void assertRefused(int status, String type, byte[] bytes, String why) {
        ProblemException refused = assertThrows(ProblemException.class, () -> NoticeImageCheck.check(type, bytes));
        assertEquals(status, refused.status());
        String text = refused.getMessage() + " " + refused.toProblem();
        assertTrue(text.contains(why), text);
    }
}
