package org.takedown.operation;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.takedown.support.Api;
import org.takedown.support.Fixtures;

/** The parts of an operation through the API: normalisation, uniqueness, paging and filters (every repository query). */
@QuarkusTest
public class OperationPartsTest {

    @Test
    void seizedDomainsAreNormalisedAndShownInUnicode() {
        long id = Fixtures.createOperation("officer1");
        String unique = "bücher-" + Fixtures.unique();
        Api.as("officer1")
                .body(Map.of("hostname", unique.toUpperCase() + ".Example.", "liveFrom", "2030-06-01T12:00"))
                .post("/api/operations/{id}/seized-domains", id)
                .then()
                .statusCode(201)
                .body("hostname", equalTo(java.net.IDN.toASCII(unique) + ".example"))
                .body("displayName", equalTo(unique + ".example"))
                .body("liveFrom", equalTo("2030-06-01T12:00:00"))
                .body("liveFromUtc", equalTo("2030-06-01T11:00:00Z"));
    }

    @Test
    void aDomainBelongsToOneLiveOperationAtATime() {
        String host = "contested-" + Fixtures.unique() + ".example";
        long first = Fixtures.createOperation("officer1");
        long second = Fixtures.createOperation("officer1");
        Api.as("officer1")
                .body(Map.of("hostname", host))
                .post("/api/operations/{id}/seized-domains", first)
                .then()
                .statusCode(201);
        Api.as("officer1")
                .body(Map.of("hostname", host))
                .post("/api/operations/{id}/seized-domains", second)
                .then()
                .statusCode(409);
        Fixtures.move(first, "officer1", "cancel");
        Api.as("officer1")
                .body(Map.of("hostname", host))
                .post("/api/operations/{id}/seized-domains", second)
                .then()
                .statusCode(201);
    }

    @Test
    void telegramTargetsKeepUsernamesAndSixtyFourBitChatIds() {
        long id = Fixtures.createOperation("officer1");
        String name = "Fraud_Channel_" + Fixtures.unique();
        Api.as("officer1")
                .body(Map.of("chat", "@" + name, "title", "Adverts"))
                .post("/api/operations/{id}/telegram-targets", id)
                .then()
                .statusCode(201)
                .body("chat", equalTo("@" + name))
                .body("username", equalTo(name));
        Api.as("officer1")
                .body(Map.of("chat", "@" + name.toLowerCase()))
                .post("/api/operations/{id}/telegram-targets", id)
                .then()
                .statusCode(409);
        Api.as("officer1")
                .body(Map.of("chat", "-1009876543210123"))
                .post("/api/operations/{id}/telegram-targets", id)
                .then()
                .statusCode(201)
                .body("chatId", equalTo(-1009876543210123L))
                .body("chat", equalTo("-1009876543210123"));
        Api.as("viewer1")
                .queryParam("q", "adverts")
                .get("/api/operations/{id}/telegram-targets", id)
                .then()
                .body("total", equalTo(1))
                .body("items[0].username", equalTo(name));
    }

    @Test
    void aNoticeCanTargetASubsetAndLosesATargetThatIsRemoved() {
        long id = Fixtures.createOperation("officer1");
        long kept = Fixtures.addTelegramTarget(id, "officer1");
        long removed = Fixtures.addTelegramTarget(id, "officer1");
        long notice = Api.as("officer1")
                .body(Map.of(
                        "title",
                        "Subset",
                        "defaultLanguage",
                        "en-gb",
                        "texts",
                        Map.of("en-GB", "Warning", "pt-br", "Aviso"),
                        "allTargets",
                        false,
                        "targetIds",
                        List.of(kept, removed)))
                .post("/api/operations/{id}/notices", id)
                .then()
                .statusCode(201)
                .body("defaultLanguage", equalTo("en-GB"))
                .body("texts.keySet()", equalTo(java.util.Set.of("en-GB", "pt-BR")))
                .extract()
                .jsonPath()
                .getLong("id");
        Api.as("officer1")
                .delete("/api/operations/{id}/telegram-targets/{t}", id, removed)
                .then()
                .statusCode(204);
        Api.as("viewer1")
                .get("/api/operations/{id}/notices", id)
                .then()
                .body("items[0].id", equalTo((int) notice))
                .body("items[0].targetIds", equalTo(List.of((int) kept)));
    }

    @Test
    void watchTargetsAreNormalisedAndFilteredByKind() {
        long id = Fixtures.createOperation("officer1");
        String channel = "Fraud_Ads_" + Fixtures.unique();
        Api.as("officer1")
                .body(Map.of("kind", "TELEGRAM_CHANNEL", "value", "https://t.me/s/" + channel))
                .post("/api/operations/{id}/watch-targets", id)
                .then()
                .statusCode(201)
                .body("value", equalTo(channel));
        Api.as("officer1")
                .body(Map.of("kind", "TELEGRAM_CHANNEL", "value", "@" + channel.toUpperCase()))
                .post("/api/operations/{id}/watch-targets", id)
                .then()
                .statusCode(409);
        Api.as("officer1")
                .body(Map.of("kind", "DOMAIN", "value", "Fraud.Example."))
                .post("/api/operations/{id}/watch-targets", id)
                .then()
                .statusCode(201)
                .body("value", equalTo("fraud.example"));
        Api.as("viewer1")
                .queryParam("kind", "DOMAIN")
                .get("/api/operations/{id}/watch-targets", id)
                .then()
                .body("total", equalTo(1))
                .body("items[0].value", equalTo("fraud.example"));
    }

    @Test
    void listsPageAndFilter() {
        long id = Fixtures.createOperation("officer1");
        for (int i = 0; i < 3; i++) {
            Fixtures.addSeizedDomain(id, "officer1");
        }
        List<String> all = Api.as("viewer1")
                .get("/api/operations/{id}/seized-domains", id)
                .jsonPath()
                .getList("items.hostname");
        Api.as("viewer1")
                .queryParam("size", 1)
                .queryParam("page", 1)
                .get("/api/operations/{id}/seized-domains", id)
                .then()
                .body("total", equalTo(3))
                .body("page", equalTo(1))
                .body("size", equalTo(1))
                .body("items.hostname", equalTo(List.of(all.get(1))));
        Api.as("viewer1")
                .queryParam("q", all.get(2).substring(0, all.get(2).indexOf('.')))
                .get("/api/operations/{id}/seized-domains", id)
                .then()
                .body("items.hostname", equalTo(List.of(all.get(2))));
        String codeName = Api.as("viewer1").get("/api/operations/{id}", id).path("codeName");
        Api.as("viewer1")
                .queryParam("q", codeName.toLowerCase())
                .queryParam("status", "DRAFT")
                .get("/api/operations")
                .then()
                .body("total", equalTo(1))
                .body("items[0].id", equalTo((int) id));
        Api.as("viewer1")
                .queryParam("q", codeName)
                .queryParam("status", "ACTIVE")
                .get("/api/operations")
                .then()
                .body("total", equalTo(0));
        Api.as("viewer1")
                .queryParam("status", "DRAFT")
                .queryParam("size", 200)
                .get("/api/operations")
                .then()
                .body("items.status", not(hasItem("ACTIVE")));
    }

    @Test
    void theAuditLogFiltersByActorActionEntityAndTime() {
        Instant from = Instant.now().minusSeconds(1);
        long id = Fixtures.createOperation("officer2");
        Fixtures.addAgency(id, "officer2");
        Api.as("viewer1")
                .queryParam("actor", "officer2")
                .queryParam("action", "AGENCY_ADDED")
                .queryParam("from", from.toString())
                .get("/api/audit")
                .then()
                .body("items.action", not(hasItem("OPERATION_CREATED")))
                .body("items[0].action", equalTo("AGENCY_ADDED"));
        Api.as("viewer1")
                .queryParam("entityType", "operation")
                .queryParam("entityId", id)
                .get("/api/audit")
                .then()
                .body("total", equalTo(1))
                .body("items[0].action", equalTo("OPERATION_CREATED"));
        Api.as("viewer1")
                .queryParam("entityType", "operation")
                .queryParam("entityId", id)
                .queryParam("to", from.toString())
                .get("/api/audit")
                .then()
                .body("total", equalTo(0));
    }
}
