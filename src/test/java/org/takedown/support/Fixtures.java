package org.takedown.support;

import static org.hamcrest.Matchers.equalTo;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Builds operations through the API, in any lifecycle state, for tests. */
public final class Fixtures {

    public static final String ZONE = "Europe/London";
    public static final String REFERENCE = "WARRANT/TEST/0001";
    public static final String SVG =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><circle cx=\"5\" cy=\"5\" r=\"4\"/></svg>";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    /**
     * Quarkus loads test classes again for each test profile while the in-memory database lives on, so a
     * counter alone would repeat: prefix it with a random value drawn per class loading.
     */
    private static final String PREFIX =
            Long.toString(java.util.concurrent.ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36), 36);

    private Fixtures() {}

    /** Lower-case letters and digits unique within this test run, for code names, hosts and user names. */
    public static String unique() {
        return PREFIX + SEQUENCE.incrementAndGet();
    }

    public static Map<String, Object> operationBody(String codeName) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Operation " + codeName);
        body.put("codeName", codeName);
        body.put("description", "Test operation");
        body.put("timezone", ZONE);
        body.put(
                "legalAuthority",
                Map.of(
                        "type",
                        "WARRANT",
                        "reference",
                        REFERENCE,
                        "issuedBy",
                        "Test Magistrates' Court",
                        "issuedOn",
                        LocalDate.now().minusDays(1).toString()));
        return body;
    }

    public static String codeName() {
        return "T-" + unique().toUpperCase(java.util.Locale.ROOT);
    }

    public static long createOperation(String officer) {
        return createOperation(officer, operationBody(codeName()));
    }

    public static long createOperation(String officer, Map<String, Object> body) {
        return Api.as(officer)
                .body(body)
                .post("/api/operations")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
    }

    public static long addAgency(long operationId, String officer) {
        return Api.as(officer)
                .body(Map.of("name", "Agency " + unique(), "website", "https://agency.example.org", "displayOrder", 1))
                .post("/api/operations/{id}/agencies", operationId)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
    }

    public static void setEmblem(long operationId, long agencyId, String officer) {
        Api.as(officer)
                .contentType("image/svg+xml")
                .body(SVG)
                .put("/api/operations/{id}/agencies/{a}/emblem", operationId, agencyId)
                .then()
                .statusCode(200);
    }

    /** A real image of the given size in {@code format} ("png", "jpeg", "gif"): a diagonal on black, small even when large. */
    public static byte[] image(String format, int width, int height) {
        java.awt.image.BufferedImage image =
                new java.awt.image.BufferedImage(width, height, java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < Math.min(width, height); i++) {
            image.setRGB(i, i, 0xFFCC00);
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            if (!javax.imageio.ImageIO.write(image, format, out)) {
                throw new IllegalArgumentException("no writer for " + format);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static long addSeizedDomain(long operationId, String officer) {
        return Api.as(officer)
                .body(Map.of("hostname", "seized-" + unique() + ".example"))
                .post("/api/operations/{id}/seized-domains", operationId)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
    }

    public static long addTelegramTarget(long operationId, String officer) {
        return Api.as(officer)
                .body(Map.of("chat", "@target_" + unique()))
                .post("/api/operations/{id}/telegram-targets", operationId)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
    }

    public static long addNotice(long operationId, String officer) {
        return Api.as(officer)
                .body(noticeBody("Warning " + unique()))
                .post("/api/operations/{id}/notices", operationId)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
    }

    public static Map<String, Object> noticeBody(String title) {
        return Map.of(
                "title",
                title,
                "defaultLanguage",
                "en",
                "texts",
                Map.of("en", "Using spoofing services for criminal purposes is illegal.", "de", "Illegal."),
                "pin",
                false);
    }

    public static Map<String, Object> scheduledNoticeBody(Map<String, Object> schedule) {
        Map<String, Object> body = new HashMap<>(noticeBody("Scheduled " + unique()));
        body.put("schedule", schedule);
        return body;
    }

    /** An ACTIVE operation (one Telegram target, dry-run in the test profile) with one notice on this schedule: {operation, notice}. */
    public static long[] activeWithScheduledNotice(Map<String, Object> schedule) {
        long op = createOperation("officer2");
        addTelegramTarget(op, "officer2");
        long notice = Api.as("officer2")
                .body(scheduledNoticeBody(schedule))
                .post("/api/operations/{id}/notices", op)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        move(op, "officer2", "submit");
        approve(op, "approver2");
        move(op, "officer2", "activate");
        return new long[] {op, notice};
    }

    public static long addWatchTarget(long operationId, String officer) {
        return Api.as(officer)
                .body(Map.of("kind", "TELEGRAM_CHANNEL", "value", "@watched_" + unique()))
                .post("/api/operations/{id}/watch-targets", operationId)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
    }

    public static void move(long operationId, String user, String transition) {
        Api.as(user)
                .post("/api/operations/{id}/" + transition, operationId)
                .then()
                .statusCode(200);
    }

    public static void approve(long operationId, String approver) {
        Api.as(approver)
                .body(Map.of("legalReference", REFERENCE))
                .post("/api/operations/{id}/approve", operationId)
                .then()
                .statusCode(200)
                .body("status", equalTo("APPROVED"));
    }

    public static String status(long operationId) {
        return Api.as("viewer1")
                .get("/api/operations/{id}", operationId)
                .then()
                .statusCode(200)
                .extract()
                .path("status");
    }

    /** An operation with one of every child, in the given state; prepared by officer2, approved by approver2. */
    public static Ids operationIn(String state) {
        long id = createOperation("officer2");
        Ids ids = new Ids(
                id,
                addAgency(id, "officer2"),
                addSeizedDomain(id, "officer2"),
                addTelegramTarget(id, "officer2"),
                addNotice(id, "officer2"),
                addWatchTarget(id, "officer2"));
        setEmblem(id, ids.agency(), "officer2");
        List<String> path = switch (state) {
            case "DRAFT" -> List.of();
            case "PENDING_APPROVAL" -> List.of("submit");
            case "APPROVED" -> List.of("submit", "approve");
            case "ACTIVE" -> List.of("submit", "approve", "activate");
            case "PAUSED" -> List.of("submit", "approve", "activate", "pause");
            case "ENDED" -> List.of("submit", "approve", "activate", "end");
            case "CANCELLED" -> List.of("cancel");
            default -> throw new IllegalArgumentException(state);
        };
        for (String step : path) {
            if (step.equals("approve")) {
                approve(id, "approver2");
            } else {
                move(id, "officer2", step);
            }
        }
        return ids;
    }

    /**
     * Local time in the fixtures' zone, {@code seconds} from now, always with its seconds ({@code LocalDateTime}'s own
     * toString drops ":00", which the API then shows back with them).
     */
    public static String localIn(long seconds) {
        return LocalDateTime.now(ZoneId.of(ZONE))
                .plusSeconds(seconds)
                .withNano(0)
                .format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
    }

    public record Ids(long operation, long agency, long domain, long target, long notice, long watchTarget) {

        public Map<String, Object> pathParams() {
            Map<String, Object> params = new HashMap<>();
            params.put("id", operation);
            params.put("agencyId", agency);
            params.put("domainId", domain);
            params.put("targetId", target);
            params.put("noticeId", notice);
            return params;
        }
    }
}
