package org.takedown.notice;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.takedown.common.DeterministicJson;
import org.takedown.support.Api;
import org.takedown.support.FakeBotApi;
import org.takedown.support.Fixtures;
import org.takedown.support.TelegramOperation;
import org.takedown.support.TelegramProfile;

/** A notice with an image: checked on upload, linted as a photo caption, sent with sendPhoto and uploaded once. */
@QuarkusTest
@TestProfile(TelegramProfile.class)
public class NoticeImageTest {

    static final Duration SETTLE = Duration.ofSeconds(30);
    static final String TEXT = "Using spoofing services for criminal purposes is illegal. <b>{reference}</b>";

    FakeBotApi telegram;

    @BeforeEach
    void clean() {
        telegram.reset();
    }

    private static String imagePath() {
        return "/api/operations/{id}/notices/{n}/image";
    }

    @Test
    void uploadsAreCheckedStoredAndServedInert() {
        long op = Fixtures.createOperation("officer1");
        long notice = Fixtures.addNotice(op, "officer1");
        byte[] png = Fixtures.image("png", 320, 200);
        Api.as("officer1")
                .contentType("image/gif")
                .body(Fixtures.image("gif", 10, 10))
                .put(imagePath(), op, notice)
                .then()
                .statusCode(415);
        Api.as("officer1")
                .contentType("image/jpeg")
                .body(png)
                .put(imagePath(), op, notice)
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("image"));
        Api.as("officer1")
                .contentType("image/png")
                .body(Arrays.copyOf(png, 100))
                .put(imagePath(), op, notice)
                .then()
                .statusCode(422)
                .body("errors.message", hasItem(containsString("truncated or corrupt")));
        Api.as("viewer1")
                .contentType("image/png")
                .body(png)
                .put(imagePath(), op, notice)
                .then()
                .statusCode(403);

        String sha256 = DeterministicJson.sha256Hex(png);
        Api.as("officer1")
                .contentType("image/png")
                .body(png)
                .put(imagePath(), op, notice)
                .then()
                .statusCode(200)
                .body("imageSha256", equalTo(sha256));
        byte[] served = Api.as("viewer1")
                .accept("image/png")
                .get(imagePath(), op, notice)
                .then()
                .statusCode(200)
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", containsString("sandbox"))
                .contentType("image/png")
                .extract()
                .asByteArray();
        assertArrayEquals(png, served);
        List<String> audited = Api.as("viewer1")
                .queryParam("action", "NOTICE_IMAGE_SET")
                .queryParam("entityId", Long.toString(notice))
                .get("/api/audit")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.summary");
        assertTrue(audited.size() == 1 && audited.get(0).contains(sha256), audited.toString());

        Api.as("officer1")
                .delete(imagePath(), op, notice)
                .then()
                .statusCode(200)
                .body("imageSha256", equalTo(null));
        Api.as("viewer1")
                .accept("image/png")
                .get(imagePath(), op, notice)
                .then()
                .statusCode(404);
        Api.as("officer1").delete(imagePath(), op, notice).then().statusCode(404);
    }

    @Test
    void withAnImageTheTextMustFitACaption() {
        long op = Fixtures.createOperation("officer1");
        Map<String, Object> body = new HashMap<>(
                TelegramOperation.notice("Using spoofing services for criminal purposes is illegal. ".repeat(30)));
        long notice = Api.as("officer1")
                .body(body)
                .post("/api/operations/{id}/notices", op)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        byte[] png = Fixtures.image("png", 320, 200);
        Api.as("officer1")
                .contentType("image/png")
                .body(png)
                .put(imagePath(), op, notice)
                .then()
                .statusCode(409)
                .body("errors.field", hasItem("texts[en]"))
                .body("errors.message", hasItem(containsString("a photo caption")));

        body.put("overflow", "SPLIT");
        Api.as("officer1")
                .body(body)
                .put("/api/operations/{id}/notices/{n}", op, notice)
                .then()
                .statusCode(200);
        Api.as("officer1")
                .contentType("image/png")
                .body(png)
                .put(imagePath(), op, notice)
                .then()
                .statusCode(200);
        List<Map<String, Object>> preview = Api.as("viewer1")
                .get("/api/operations/{id}/notices/{n}/preview", op, notice)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("");
        assertEquals(true, preview.get(0).get("photo"));
        @SuppressWarnings("unchecked")
        List<Integer> lengths = (List<Integer>) preview.get(0).get("lengths");
        assertTrue(lengths.size() == 2 && lengths.get(0) <= 1024, "a caption, then a message: " + lengths);

        body.put("overflow", "REFUSE");
        Api.as("officer1")
                .body(body)
                .put("/api/operations/{id}/notices/{n}", op, notice)
                .then()
                .statusCode(400)
                .body("errors.message", hasItem(containsString("remove the image")));
    }

    @Test
    void aNoticeWithAnImageIsSentAsAPhotoAndUploadedOnlyUntilTelegramKnowsIt() {
        byte[] png = Fixtures.image("png", 640, 360);
        String sha256 = DeterministicJson.sha256Hex(png);
        TelegramOperation op = TelegramOperation.active(
                telegram, java.util.Collections.nCopies(3, null), TelegramOperation.notice(TEXT), png);
        Set<String> chats = op.chats().stream().map(String::toLowerCase).collect(Collectors.toSet());

        List<FakeBotApi.Delivered> first = sendAndCollect(op, chats);
        assertTrue(first.stream().anyMatch(FakeBotApi.Delivered::uploaded), "the first sends upload the bytes");

        telegram.clearDelivered();
        List<FakeBotApi.Delivered> second = sendAndCollect(op, chats);
        assertFalse(
                second.stream().anyMatch(FakeBotApi.Delivered::uploaded),
                "later sends use Telegram's file id: " + second);

        telegram.forgetFileIds();
        telegram.clearDelivered();
        List<FakeBotApi.Delivered> third = sendAndCollect(op, chats);
        assertTrue(
                third.stream().anyMatch(FakeBotApi.Delivered::uploaded),
                "a refused file id is forgotten and the bytes go again");
        for (FakeBotApi.Delivered d : third) {
            assertEquals(sha256, d.photoSha256());
        }
    }

    /** Sends the notice now, and checks that every chat got exactly one photo of the image with the payload as caption. */
    private List<FakeBotApi.Delivered> sendAndCollect(TelegramOperation op, Set<String> chats) {
        long run = op.sendNow();
        List<Map<String, Object>> rows = op.awaitSettled(run, SETTLE);
        List<FakeBotApi.Delivered> delivered = telegram.delivered().stream()
                .filter(d -> chats.contains(d.chat().toLowerCase()))
                .toList();
        assertEquals(chats.size(), delivered.size(), "one photo per chat: " + delivered + " rows: " + rows);
        Map<String, FakeBotApi.Delivered> byChat =
                delivered.stream().collect(Collectors.toMap(d -> d.chat().toLowerCase(), d -> d));
        for (Map<String, Object> row : rows) {
            assertEquals("SENT", row.get("status"), row.toString());
            FakeBotApi.Delivered got = byChat.get(((String) row.get("chat")).toLowerCase());
            assertEquals(row.get("photoSha256"), got.photoSha256(), "the photo is the image's bytes");
            assertEquals(row.get("payload"), got.text(), "the payload is the caption");
            assertTrue("HTML".equalsIgnoreCase(got.parseMode()), got.parseMode());
            assertEquals(((Number) row.get("messageId")).intValue(), got.messageId());
        }
        return delivered;
    }
}
