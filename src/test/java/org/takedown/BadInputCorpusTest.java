package org.takedown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.takedown.support.Api;
import org.takedown.support.Fixtures;

/**
 * A corpus of malformed requests: every one gets the expected 4xx (a problem document where there is a body)
 * and leaves every stored record exactly as it was.
 */
@QuarkusTest
public class BadInputCorpusTest {

    record Bad(String name, String user, String method, String path, String contentType, Object body, int status) {}

    private Fixtures.Ids draft;
    private Fixtures.Ids pending;
    private Fixtures.Ids other;

    private void prepare() {
        draft = Fixtures.operationIn("DRAFT");
        pending = Fixtures.operationIn("PENDING_APPROVAL");
        other = Fixtures.operationIn("DRAFT");
    }

    List<Bad> corpus() {
        String op = "/api/operations/" + draft.operation();
        String agency = op + "/agencies/" + draft.agency();
        List<Bad> corpus = new ArrayList<>();
        String json = "application/json";
        corpus.add(new Bad("truncated JSON", "officer1", "POST", "/api/operations", json, "{\"name\":", 400));
        corpus.add(new Bad("empty body", "officer1", "POST", "/api/operations", json, "", 400));
        corpus.add(new Bad("JSON null", "officer1", "POST", "/api/operations", json, "null", 400));
        corpus.add(new Bad("array instead of object", "officer1", "POST", "/api/operations", json, "[]", 400));
        corpus.add(
                new Bad("string instead of object", "officer1", "POST", "/api/operations", json, "\"operation\"", 400));
        corpus.add(new Bad(
                "trailing garbage",
                "officer1",
                "POST",
                "/api/operations",
                json,
                json(operation("GOOD-1")) + " trailing",
                400));
        corpus.add(new Bad(
                "duplicate key",
                "officer1",
                "POST",
                "/api/operations",
                json,
                json(operation("GOOD-2")).replaceFirst("\\{", "{\"name\":\"a\","),
                400));
        corpus.add(new Bad("all fields missing", "officer1", "POST", "/api/operations", json, "{}", 400));
        corpus.add(new Bad(
                "number for a string",
                "officer1",
                "POST",
                "/api/operations",
                json,
                with(operation("BAD-1"), "name", 123),
                400));
        corpus.add(new Bad(
                "object for a string",
                "officer1",
                "POST",
                "/api/operations",
                json,
                with(operation("BAD-2"), "name", Map.of("a", 1)),
                400));
        corpus.add(new Bad(
                "unknown field",
                "officer1",
                "POST",
                "/api/operations",
                json,
                with(operation("BAD-3"), "nmae", "typo"),
                400));
        corpus.add(new Bad(
                "unknown enum value",
                "officer1",
                "POST",
                "/api/operations",
                json,
                with(
                        operation("BAD-4"),
                        "legalAuthority",
                        Map.of("type", "SUBPOENA", "reference", "R", "issuedBy", "C", "issuedOn", "2026-01-01")),
                400));
        corpus.add(new Bad(
                "impossible date",
                "officer1",
                "POST",
                "/api/operations",
                json,
                with(
                        operation("BAD-5"),
                        "legalAuthority",
                        Map.of("type", "WARRANT", "reference", "R", "issuedBy", "C", "issuedOn", "2026-02-30")),
                400));
        corpus.add(new Bad(
                "authority issued in the future",
                "officer1",
                "POST",
                "/api/operations",
                json,
                with(
                        operation("BAD-6"),
                        "legalAuthority",
                        Map.of("type", "WARRANT", "reference", "R", "issuedBy", "C", "issuedOn", "2999-01-01")),
                400));
        corpus.add(new Bad(
                "unknown IANA zone",
                "officer1",
                "POST",
                "/api/operations",
                json,
                with(operation("BAD-7"), "timezone", "Mars/Olympus_Mons"),
                400));
        corpus.add(new Bad(
                "offset instead of IANA zone",
                "officer1",
                "POST",
                "/api/operations",
                json,
                with(operation("BAD-8"), "timezone", "UTC+01:00"),
                400));
        corpus.add(new Bad(
                "lower-case code name",
                "officer1",
                "POST",
                "/api/operations",
                json,
                with(operation("BAD-9"), "codeName", "bad-9"),
                400));
        corpus.add(new Bad(
                "over-long name",
                "officer1",
                "POST",
                "/api/operations",
                json,
                with(operation("BAD-10"), "name", "x".repeat(201)),
                400));
        corpus.add(new Bad(
                "end before activation",
                "officer1",
                "POST",
                "/api/operations",
                json,
                with(with(operation("BAD-11"), "activateAt", "2030-01-02T10:00"), "endAt", "2030-01-01T10:00"),
                400));
        corpus.add(new Bad(
                "malformed local time",
                "officer1",
                "POST",
                "/api/operations",
                json,
                with(operation("BAD-12"), "activateAt", "tomorrow"),
                400));
        corpus.add(new Bad(
                "duplicate code name",
                "officer1",
                "PUT",
                op,
                json,
                operation(Api.as("viewer1")
                        .get("/api/operations/{id}", other.operation())
                        .path("codeName")),
                409));
        corpus.add(new Bad(
                "oversize body",
                "officer1",
                "POST",
                "/api/operations",
                json,
                with(operation("BAD-13"), "description", "x".repeat(2 * 1024 * 1024)),
                413));
        corpus.add(new Bad(
                "wrong content type",
                "officer1",
                "POST",
                "/api/operations",
                "text/plain",
                json(operation("BAD-14")),
                415));
        corpus.add(new Bad(
                "unknown operation", "officer1", "PUT", "/api/operations/987654321", json, operation("BAD-15"), 404));
        corpus.add(new Bad("non-numeric id", "officer1", "GET", "/api/operations/abc", json, null, 404));
        corpus.add(new Bad("negative page", "viewer1", "GET", "/api/operations?page=-1", json, null, 400));
        corpus.add(new Bad("page not a number", "viewer1", "GET", "/api/operations?page=abc", json, null, 400));
        corpus.add(new Bad("page size too large", "viewer1", "GET", "/api/operations?size=1000", json, null, 400));
        corpus.add(new Bad("unknown status filter", "viewer1", "GET", "/api/operations?status=DONE", json, null, 400));
        corpus.add(new Bad("bad audit time filter", "viewer1", "GET", "/api/audit?from=yesterday", json, null, 400));
        corpus.add(new Bad(
                "impossible audit time", "viewer1", "GET", "/api/audit?to=2026-13-45T99:99:00Z", json, null, 400));
        for (String host : List.of(
                "not a host!",
                "-bad.example",
                "localhost",
                "127.0.0.1",
                "a..b.example",
                "x".repeat(64) + ".example",
                "exa_mple.com",
                "https://example.com/path")) {
            corpus.add(new Bad(
                    "seized domain " + host,
                    "officer1",
                    "POST",
                    op + "/seized-domains",
                    json,
                    Map.of("hostname", host),
                    400));
        }
        corpus.add(new Bad(
                "seized domain already in this operation",
                "officer1",
                "POST",
                op + "/seized-domains",
                json,
                Map.of(
                        "hostname",
                        Api.as("viewer1")
                                .get(op + "/seized-domains")
                                .jsonPath()
                                .getString("items[0].hostname")
                                .toUpperCase()),
                409));
        corpus.add(new Bad(
                "seized domain live window reversed",
                "officer1",
                "POST",
                op + "/seized-domains",
                json,
                Map.of("hostname", "window.example", "liveFrom", "2030-01-02T00:00", "liveUntil", "2030-01-01T00:00"),
                400));
        for (String chat :
                List.of("@abc", "@1abcde", "abcdef", "12ab", "@" + "a".repeat(33), "9999999999999999999", "-0", "")) {
            corpus.add(new Bad(
                    "telegram chat " + chat,
                    "officer1",
                    "POST",
                    op + "/telegram-targets",
                    json,
                    Map.of("chat", chat),
                    400));
        }
        corpus.add(new Bad(
                "notice without texts",
                "officer1",
                "POST",
                op + "/notices",
                json,
                Map.of("title", "t", "defaultLanguage", "en", "texts", Map.of()),
                400));
        corpus.add(new Bad(
                "notice default language missing",
                "officer1",
                "POST",
                op + "/notices",
                json,
                Map.of("title", "t", "defaultLanguage", "fr", "texts", Map.of("en", "x")),
                400));
        corpus.add(new Bad(
                "notice language tag invalid",
                "officer1",
                "POST",
                op + "/notices",
                json,
                Map.of("title", "t", "defaultLanguage", "en", "texts", Map.of("en", "x", "english!", "y")),
                400));
        corpus.add(new Bad(
                "notice for no target",
                "officer1",
                "POST",
                op + "/notices",
                json,
                Map.of("title", "t", "defaultLanguage", "en", "texts", Map.of("en", "x"), "allTargets", false),
                400));
        corpus.add(new Bad(
                "notice for another operation's target",
                "officer1",
                "POST",
                op + "/notices",
                json,
                Map.of(
                        "title",
                        "t",
                        "defaultLanguage",
                        "en",
                        "texts",
                        Map.of("en", "x"),
                        "allTargets",
                        false,
                        "targetIds",
                        List.of(other.target())),
                400));
        corpus.add(new Bad(
                "notice markup Telegram refuses",
                "officer1",
                "POST",
                op + "/notices",
                json,
                Map.of("title", "t", "defaultLanguage", "en", "texts", Map.of("en", "<b>open & unescaped")),
                400));
        corpus.add(new Bad(
                "notice too long without splitting",
                "officer1",
                "POST",
                op + "/notices",
                json,
                Map.of("title", "t", "defaultLanguage", "en", "texts", Map.of("en", "word ".repeat(1000))),
                400));
        corpus.add(new Bad(
                "notice overflow unknown",
                "officer1",
                "POST",
                op + "/notices",
                json,
                Map.of("title", "t", "defaultLanguage", "en", "texts", Map.of("en", "x"), "overflow", "TRUNCATE"),
                400));
        corpus.add(new Bad(
                "notice pin as string",
                "officer1",
                "POST",
                op + "/notices",
                json,
                Map.of("title", "t", "defaultLanguage", "en", "texts", Map.of("en", "x"), "pin", "true"),
                400));
        for (String website : List.of(
                "http://insecure.example",
                "javascript:alert(1)",
                "data:text/html,x",
                "https://user:pw@evil.example",
                "https://localhost/",
                "https://10.0.0.1/",
                "//evil.example")) {
            corpus.add(new Bad(
                    "agency website " + website,
                    "officer1",
                    "PUT",
                    agency,
                    json,
                    Map.of("name", "A", "website", website, "displayOrder", 1),
                    400));
        }
        corpus.add(new Bad(
                "agency order as fraction",
                "officer1",
                "PUT",
                agency,
                json,
                Map.of("name", "A", "displayOrder", 1.5),
                400));
        corpus.add(new Bad(
                "agency order as string",
                "officer1",
                "PUT",
                agency,
                json,
                Map.of("name", "A", "displayOrder", "1"),
                400));
        corpus.add(new Bad(
                "emblem as GIF",
                "officer1",
                "PUT",
                agency + "/emblem",
                "image/gif",
                "GIF89a".getBytes(StandardCharsets.US_ASCII),
                415));
        corpus.add(new Bad(
                "emblem PNG that is text",
                "officer1",
                "PUT",
                agency + "/emblem",
                "image/png",
                "hello".getBytes(StandardCharsets.US_ASCII),
                422));
        corpus.add(new Bad(
                "emblem SVG with script",
                "officer1",
                "PUT",
                agency + "/emblem",
                "image/svg+xml",
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>",
                422));
        corpus.add(new Bad(
                "emblem SVG with XXE",
                "officer1",
                "PUT",
                agency + "/emblem",
                "image/svg+xml",
                "<!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><svg xmlns=\"http://www.w3.org/2000/svg\">&x;</svg>",
                422));
        corpus.add(new Bad(
                "emblem over 512 KB", "officer1", "PUT", agency + "/emblem", "image/png", new byte[600 * 1024], 413));
        corpus.add(new Bad(
                "watch target unknown kind",
                "officer1",
                "POST",
                op + "/watch-targets",
                json,
                Map.of("kind", "FTP", "value", "x"),
                400));
        corpus.add(new Bad(
                "watch target bad channel",
                "officer1",
                "POST",
                op + "/watch-targets",
                json,
                Map.of("kind", "TELEGRAM_CHANNEL", "value", "https://evil.example/x"),
                400));
        corpus.add(new Bad(
                "watch target bad domain",
                "officer1",
                "POST",
                op + "/watch-targets",
                json,
                Map.of("kind", "DOMAIN", "value", "10.0.0.1"),
                400));
        corpus.add(new Bad(
                "approval quoting the wrong reference",
                "approver1",
                "POST",
                "/api/operations/" + pending.operation() + "/approve",
                json,
                Map.of("legalReference", "WRONG/1"),
                422));
        corpus.add(new Bad(
                "approval with a malformed hash",
                "approver1",
                "POST",
                "/api/operations/" + pending.operation() + "/approve",
                json,
                Map.of("legalReference", Fixtures.REFERENCE, "contentHash", "abc"),
                400));
        corpus.add(new Bad(
                "rejection without reason",
                "approver1",
                "POST",
                "/api/operations/" + pending.operation() + "/reject",
                json,
                Map.of(),
                400));
        corpus.add(new Bad("illegal transition", "officer1", "POST", op + "/resume", json, null, 409));
        corpus.add(new Bad(
                "kill switch flag as string",
                "admin1",
                "PUT",
                "/api/kill-switch",
                json,
                Map.of("engaged", "yes"),
                400));
        corpus.add(new Bad(
                "kill switch flag as number", "admin1", "PUT", "/api/kill-switch", json, Map.of("engaged", 1), 400));
        corpus.add(new Bad(
                "user name with spaces",
                "admin1",
                "POST",
                "/api/users",
                json,
                Map.of("username", "A B", "password", "a-long-enough-password", "roles", List.of("viewer")),
                400));
        corpus.add(new Bad(
                "user password too short",
                "admin1",
                "POST",
                "/api/users",
                json,
                Map.of("username", "shortpw", "password", "short", "roles", List.of("viewer")),
                400));
        corpus.add(new Bad(
                "user with unknown role",
                "admin1",
                "POST",
                "/api/users",
                json,
                Map.of("username", "rooter", "password", "a-long-enough-password", "roles", List.of("root")),
                400));
        corpus.add(new Bad(
                "config-managed user",
                "admin1",
                "PUT",
                "/api/users/officer1",
                json,
                Map.of("roles", List.of("admin")),
                409));
        // Text no database should see: NUL (PostgreSQL refuses it with an error), unpaired surrogates (stored as '?'),
        // other control characters; bidirectional controls in single-line names; an override left open in a notice.
        corpus.add(new Bad(
                "NUL in an operation name",
                "officer1",
                "POST",
                "/api/operations",
                json,
                raw(operation("BAD-16"), "name", "\"Op\\u0000eration\""),
                400));
        corpus.add(new Bad(
                "unpaired surrogate in a description",
                "officer1",
                "PUT",
                op,
                json,
                raw(operation(draftCodeName()), "description", "\"before \\ud800 after\""),
                400));
        corpus.add(new Bad(
                "escape character in a legal reference",
                "officer1",
                "PUT",
                op,
                json,
                raw(
                        operation(draftCodeName()),
                        "legalAuthority",
                        "{\"type\":\"WARRANT\",\"reference\":\"W/\\u001b[31m1\",\"issuedBy\":\"C\",\"issuedOn\":\"2026-01-01\"}"),
                400));
        corpus.add(new Bad(
                "right-to-left override in a legal reference",
                "officer1",
                "PUT",
                op,
                json,
                with(
                        operation(draftCodeName()),
                        "legalAuthority",
                        Map.of(
                                "type",
                                "WARRANT",
                                "reference",
                                "W/\u202e1200",
                                "issuedBy",
                                "C",
                                "issuedOn",
                                "2026-01-01")),
                400));
        corpus.add(new Bad(
                "line break in an agency name",
                "officer1",
                "PUT",
                agency,
                json,
                Map.of("name", "Metropolitan\nPolice", "displayOrder", 1),
                400));
        corpus.add(new Bad(
                "NUL in an agency name",
                "officer1",
                "PUT",
                agency,
                json,
                "{\"name\":\"Met\\u0000\",\"displayOrder\":1}",
                400));
        corpus.add(new Bad(
                "unpaired surrogate in a banner headline",
                "officer1",
                "PUT",
                op + "/banner",
                json,
                "{\"defaultLanguage\":\"en\",\"texts\":{\"en\":{\"headline\":\"Seized \\udc00\"}}}",
                400));
        corpus.add(new Bad(
                "control character in a notice text",
                "officer1",
                "POST",
                op + "/notices",
                json,
                "{\"title\":\"t\",\"defaultLanguage\":\"en\",\"texts\":{\"en\":\"warning\\u0007\"}}",
                400));
        corpus.add(new Bad(
                "override left open in a notice text",
                "officer1",
                "POST",
                op + "/notices",
                json,
                Map.of("title", "t", "defaultLanguage", "en", "texts", Map.of("en", "Warning \u202e{operation}")),
                400));
        corpus.add(new Bad(
                "NUL in a watch rule",
                "officer1",
                "POST",
                op + "/watch-rules",
                json,
                "{\"kind\":\"KEYWORD\",\"pattern\":\"spoof\\u0000\"}",
                400));
        corpus.add(new Bad(
                "NUL in the kill switch reason",
                "admin1",
                "PUT",
                "/api/kill-switch",
                json,
                "{\"engaged\":true,\"reason\":\"stop\\u0000\"}",
                400));
        corpus.add(new Bad(
                "NUL in a new user's password",
                "admin1",
                "POST",
                "/api/users",
                json,
                "{\"username\":\"nul-pw\",\"password\":\"a-long-enough\\u0000password\",\"roles\":[\"viewer\"]}",
                400));
        corpus.add(new Bad(
                "a date given as a number",
                "officer1",
                "POST",
                "/api/operations",
                json,
                with(
                        operation("BAD-17"),
                        "legalAuthority",
                        Map.of("type", "WARRANT", "reference", "R", "issuedBy", "C", "issuedOn", 20000)),
                400));
        corpus.add(new Bad(
                "an update from a stale version",
                "officer1",
                "PUT",
                op,
                json,
                with(operation(draftCodeName()), "version", -1),
                409));
        Map<String, Object> campaign = new HashMap<>();
        campaign.put("name", "corpus campaign");
        campaign.put("listId", 1);
        campaign.put("reference", "CORPUS");
        campaign.put("senderId", "MetPolice");
        campaign.put("defaultLanguage", "en");
        campaign.put("texts", Map.of("en", "ref {reference}"));
        campaign.put("start", "2027-01-10T00:00:00");
        campaign.put("end", "2027-01-11T00:00:00");
        corpus.add(new Bad(
                "a campaign window given as words",
                "officer1",
                "POST",
                op + "/campaigns",
                json,
                with(campaign, "start", "tomorrow morning"),
                400));
        corpus.add(new Bad(
                "a campaign's quiet hours past midnight",
                "officer1",
                "POST",
                op + "/campaigns",
                json,
                with(campaign, "quietFrom", "25:00"),
                400));
        corpus.add(new Bad(
                "a campaign without texts",
                "officer1",
                "POST",
                op + "/campaigns",
                json,
                with(campaign, "texts", Map.of()),
                400));
        corpus.add(new Bad(
                "a campaign's list given as a word",
                "officer1",
                "POST",
                op + "/campaigns",
                json,
                with(campaign, "listId", "first"),
                400));
        corpus.add(new Bad(
                "a campaign allowed no part at all",
                "officer1",
                "POST",
                op + "/campaigns",
                json,
                with(campaign, "maxFragments", 0),
                400));
        corpus.add(new Bad(
                "a fallback for a name no placeholder can have",
                "officer1",
                "POST",
                op + "/campaigns",
                json,
                with(campaign, "fallbacks", Map.of("Bank Name", "x")),
                400));
        corpus.add(new Bad(
                "a text to lint without text", "officer1", "POST", op + "/campaigns/lint", json, Map.of(), 400));
        corpus.add(new Bad("NUL in a search", "viewer1", "GET", "/api/operations?q=%00", json, null, 400));
        corpus.add(new Bad(
                "control character in an audit filter", "viewer1", "GET", "/api/audit?actor=a%01b", json, null, 400));
        corpus.add(new Bad(
                "NUL in a path", "admin1", "PUT", "/api/users/a%00b", json, Map.of("roles", List.of("viewer")), 400));
        return corpus;
    }

    @TestFactory
    List<DynamicTest> everyMalformedRequestIsA4xxAndChangesNothing() {
        prepare();
        List<Bad> corpus = corpus();
        assertTrue(corpus.size() >= 30, "the corpus must hold at least 30 requests");
        return corpus.stream()
                .map(bad -> DynamicTest.dynamicTest(bad.name(), () -> {
                    String before = storedState();
                    Response response = send(bad);
                    assertEquals(bad.status(), response.statusCode(), bad.name() + ": " + response.asString());
                    if (!bad.name()
                            .equals("oversize body")) { // refused by the HTTP layer before the application sees it
                        assertEquals(
                                "application/problem+json",
                                response.contentType().split(";")[0],
                                bad.name());
                    }
                    assertEquals(before, storedState(), bad.name() + " changed stored data");
                }))
                .toList();
    }

    private Response send(Bad bad) {
        // Paths and queries are sent as written: %00 must reach the service as the NUL it encodes.
        RequestSpecification request =
                Api.as(bad.user()).urlEncodingEnabled(false).contentType(bad.contentType());
        if (bad.body() instanceof byte[] bytes) {
            request = request.body(bytes);
        } else if (bad.body() instanceof String text) {
            request = request.body(text.getBytes(StandardCharsets.UTF_8));
        } else if (bad.body() != null) {
            request = request.body(json(bad.body()));
        }
        return request.request(bad.method(), bad.path());
    }

    /** Everything the corpus could have touched, as one string. */
    private String storedState() {
        StringBuilder state = new StringBuilder();
        for (Fixtures.Ids ids : List.of(draft, pending, other)) {
            String op = "/api/operations/" + ids.operation();
            for (String part : List.of(
                    "",
                    "/content",
                    "/agencies",
                    "/seized-domains",
                    "/telegram-targets",
                    "/notices",
                    "/watch-targets",
                    "/campaigns",
                    "/approvals")) {
                state.append(Api.as("admin1").get(op + part).asString()).append('\n');
            }
        }
        state.append(Api.as("admin1").get("/api/operations?size=1").jsonPath().getLong("total"))
                .append('\n');
        state.append(Api.as("admin1").get("/api/audit?size=1").jsonPath().getLong("items[0].seq"))
                .append('\n');
        state.append(Api.as("admin1").get("/api/users?size=200").asString()).append('\n');
        state.append(Api.as("admin1").get("/api/kill-switch").asString());
        return state.toString();
    }

    private static Map<String, Object> operation(String codeName) {
        return Fixtures.operationBody(codeName);
    }

    /** The body as JSON with {@code key}'s value written exactly as {@code rawJson} (escapes Jackson would not write). */
    private static String raw(Map<String, Object> body, String key, String rawJson) {
        return json(with(body, key, "RAW-VALUE")).replace("\"RAW-VALUE\"", rawJson);
    }

    private String draftCodeName() {
        return Api.as("viewer1").get("/api/operations/{id}", draft.operation()).path("codeName");
    }

    private static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.put(key, value);
        return copy;
    }

    private static String json(Object body) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
