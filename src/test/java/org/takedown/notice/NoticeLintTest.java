package org.takedown.notice;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.takedown.support.Api;
import org.takedown.support.Fixtures;

/** Lint at save and at approval, through the API. */
@QuarkusTest
public class NoticeLintTest {

    static Map<String, Object> notice(Map<String, String> texts, String overflow) {
        return overflow == null
                ? Map.of("title", "Warning", "defaultLanguage", "en", "texts", texts)
                : Map.of("title", "Warning", "defaultLanguage", "en", "texts", texts, "overflow", overflow);
    }

    @Test
    void textsTelegramWouldRefuseAreRefusedOnSavePerLanguage() {
        long id = Fixtures.createOperation("officer1");
        Api.as("officer1")
                .body(notice(Map.of("en", "<b>Fine</b> &amp; well", "de", "Fische & Chips <script>x</script>"), null))
                .post("/api/operations/{id}/notices", id)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("texts[de]"))
                .body("errors.message", hasItem(containsString("unescaped '&'")))
                .body("errors.message", hasItem(containsString("<script> is not a tag Telegram supports")));
        Api.as("officer1")
                .body(notice(Map.of("en", "<b>unclosed"), null))
                .post("/api/operations/{id}/notices", id)
                .then()
                .statusCode(400)
                .body("errors[0].message", containsString("<b> is not closed"));
        Api.as("viewer1").get("/api/operations/{id}/notices", id).then().body("total", equalTo(0));
    }

    @Test
    void overLongTextsAreRefusedOrSplitAsTheOfficerChooses() {
        long id = Fixtures.createOperation("officer1");
        String text = "<b>Warning.</b> Using spoofing services for criminal purposes is illegal.\n\n".repeat(80);
        Api.as("officer1")
                .body(notice(Map.of("en", text), null))
                .post("/api/operations/{id}/notices", id)
                .then()
                .statusCode(400)
                .body("errors[0].message", containsString("choose overflow SPLIT"));
        long notice = Api.as("officer1")
                .body(notice(Map.of("en", text), "SPLIT"))
                .post("/api/operations/{id}/notices", id)
                .then()
                .statusCode(201)
                .body("overflow", equalTo("SPLIT"))
                .extract()
                .jsonPath()
                .getLong("id");
        String code = Api.as("viewer1").get("/api/operations/{id}", id).path("codeName");
        Api.as("viewer1")
                .get("/api/operations/{id}/notices/{n}/preview", id, notice)
                .then()
                .statusCode(200)
                .body("[0].language", equalTo("en"))
                .body("[0].messages.size()", equalTo(2))
                .body("[0].problems", equalTo(List.of()))
                .body("[0].messages[0]", containsString("Reference: " + code))
                .body("[0].messages[1]", containsString("Reference: " + code));
    }

    @Test
    void approvalChecksNoticesAgainAsTheyWouldBeSent() {
        long id = Fixtures.createOperation("officer1");
        String almostFull = "x".repeat(3900) + " {operation}";
        long notice = Api.as("officer1")
                .body(notice(Map.of("en", almostFull), null))
                .post("/api/operations/{id}/notices", id)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        Map<String, Object> renamed = Fixtures.operationBody(
                Api.as("viewer1").get("/api/operations/{id}", id).path("codeName"));
        renamed.put("name", "Operation " + "N".repeat(190));
        Api.as("officer1").body(renamed).put("/api/operations/{id}", id).then().statusCode(200);
        Fixtures.move(id, "officer1", "submit");
        Api.as("approver1")
                .body(Map.of("legalReference", Fixtures.REFERENCE))
                .post("/api/operations/{id}/approve", id)
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("notices[" + notice + "].texts[en]"))
                .body("errors[0].message", containsString("at most"));
        org.junit.jupiter.api.Assertions.assertEquals("PENDING_APPROVAL", Fixtures.status(id));
    }
}
