package org.takedown.notice;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.quartz.Trigger;
import org.quartz.TriggerKey;
import org.takedown.support.Api;
import org.takedown.support.Fixtures;
import org.takedown.support.Prometheus;

/** Notice schedules: validated at save, armed while ACTIVE, late firings skipped, one catch-up after downtime. */
@QuarkusTest
public class NoticeScheduleTest {

    @Inject
    Scheduler quartz;

    @Inject
    AgroalDataSource dataSource;

    private static final String NOTICE_FIRINGS = "takedown_quartz_fired_total{schedule=\"notices-of-operation\"}";

    static Map<String, Object> notice(Map<String, Object> schedule) {
        return Fixtures.scheduledNoticeBody(schedule);
    }

    static void refused(long operation, Map<String, Object> schedule, String field) {
        Api.as("officer1")
                .body(notice(schedule))
                .post("/api/operations/{id}/notices", operation)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem(field));
    }

    @Test
    void badSchedulesAreRefusedNamingTheField() {
        long op = Fixtures.createOperation("officer1");
        refused(op, Map.of("at", Fixtures.localIn(60), "cron", "0 0 9 * * ?"), "schedule");
        refused(op, Map.of(), "schedule");
        refused(op, Map.of("cron", "every morning"), "schedule.cron");
        refused(op, Map.of("cron", "0 0 9 * * ? 2001"), "schedule.cron");
        refused(
                op,
                Map.of("at", Fixtures.localIn(60), "windowStart", "09:00", "windowEnd", "18:00"),
                "schedule.windowStart");
        refused(op, Map.of("cron", "0 0 9 * * ?", "windowStart", "09:00"), "schedule.windowEnd");
        refused(op, Map.of("cron", "0 0 9 * * ?", "windowStart", "09:00", "windowEnd", "09:00"), "schedule.windowEnd");
        refused(op, Map.of("cron", "0 0 9 * * ?", "maxLateness", "PT0S"), "schedule.maxLateness");
        refused(op, Map.of("cron", "0 0 9 * * ?", "maxLateness", "P8D"), "schedule.maxLateness");
        Api.as("officer1")
                .body(notice(Map.of("at", "tomorrow")))
                .post("/api/operations/{id}/notices", op)
                .then()
                .statusCode(400);
    }

    @Test
    void aScheduleIsStoredAndShownInTheOperationsZone() {
        long op = Fixtures.createOperation("officer1");
        Api.as("officer1")
                .body(notice(Map.of(
                        "cron",
                        "0 0 9 ? * MON-FRI",
                        "windowStart",
                        "09:00",
                        "windowEnd",
                        "18:00",
                        "maxLateness",
                        "PT5M")))
                .post("/api/operations/{id}/notices", op)
                .then()
                .statusCode(201)
                .body("schedule.cron", equalTo("0 0 9 ? * MON-FRI"))
                .body("schedule.windowStart", equalTo("09:00:00"))
                .body("schedule.maxLateness", equalTo("PT5M"));
        String at = Fixtures.localIn(3600);
        Api.as("officer1")
                .body(notice(Map.of("at", at)))
                .post("/api/operations/{id}/notices", op)
                .then()
                .statusCode(201)
                .body("schedule.at", equalTo(at))
                .body("schedule.maxLateness", equalTo("PT15M"));
    }

    /** An ACTIVE operation (dry-run, one target) with one notice on the given schedule. */
    static long[] activeWith(Map<String, Object> schedule) {
        return Fixtures.activeWithScheduledNotice(schedule);
    }

    static List<Map<String, Object>> runs(long op) {
        return Api.as("viewer1")
                .get("/api/operations/{id}/runs", op)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items");
    }

    @Test
    void aOnceScheduleFiresAtItsTimeAndQueuesItsRows() {
        String at = Fixtures.localIn(3);
        double fired = Prometheus.value(NOTICE_FIRINGS);
        long[] ids = activeWith(Map.of("at", at));
        await().atMost(Duration.ofSeconds(30)).until(() -> runs(ids[0]).size() == 1);
        assertTrue(Prometheus.value(NOTICE_FIRINGS) - fired >= 1, "the firing is counted");
        Map<String, Object> run = runs(ids[0]).get(0);
        assertEquals("SCHEDULE", run.get("origin"));
        assertEquals("QUEUED", run.get("status"));
        assertEquals(
                java.time.LocalDateTime.parse(at)
                        .atZone(java.time.ZoneId.of(Fixtures.ZONE))
                        .toInstant(),
                Instant.parse((String) run.get("dueAt")));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> "DRY_RUN"
                        .equals(Api.as("viewer1")
                                .queryParam("runId", run.get("id"))
                                .get("/api/operations/{id}/deliveries", ids[0])
                                .jsonPath()
                                .getString("items[0].status")));
    }

    @Test
    void aFiringLaterThanAllowedIsSkippedLateAndNothingIsQueued() {
        long[] ids = activeWith(Map.of("at", Fixtures.localIn(-600), "maxLateness", "PT1M"));
        await().atMost(Duration.ofSeconds(30)).until(() -> runs(ids[0]).size() == 1);
        Map<String, Object> run = runs(ids[0]).get(0);
        assertEquals("SKIPPED_LATE", run.get("status"), run.toString());
        assertTrue(((String) run.get("detail")).contains("at most 60 s allowed"), run.toString());
        Api.as("viewer1")
                .queryParam("runId", run.get("id"))
                .get("/api/operations/{id}/deliveries", ids[0])
                .then()
                .statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    void afterDowntimeSpanningSeveralFiringsOneCatchUpRunHappens() throws Exception {
        long[] ids = activeWith(Map.of("cron", "0 * * * * ?"));
        TriggerKey key = TriggerKey.triggerKey("notice-" + ids[1], "notices-of-operation-" + ids[0]);
        Trigger armed = quartz.getTrigger(key);
        assertEquals(
                org.quartz.CronTrigger.MISFIRE_INSTRUCTION_FIRE_ONCE_NOW,
                armed.getMisfireInstruction(),
                "explicit misfire policy");
        Set<Object> before = runs(ids[0]).stream().map(r -> r.get("id")).collect(Collectors.toSet());
        Instant restart;
        quartz.standby();
        try {
            // The node was down for six minutes: the trigger last fired then, and five firings were missed.
            long now = System.currentTimeMillis();
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement update = connection.prepareStatement(
                            "UPDATE QRTZ_TRIGGERS SET NEXT_FIRE_TIME = ?, "
                                    + "PREV_FIRE_TIME = ?, START_TIME = ? WHERE TRIGGER_NAME = ? AND TRIGGER_GROUP = ?")) {
                update.setLong(1, now - 300_000);
                update.setLong(2, now - 360_000);
                update.setLong(3, now - 600_000);
                update.setString(4, key.getName());
                update.setString(5, key.getGroup());
                assertEquals(1, update.executeUpdate());
            }
        } finally {
            restart = Instant.now();
            quartz.start();
        }
        // Quartz looks for misfires every misfire threshold (15 s) and then fires; on a loaded machine, with the
        // shared test database's other triggers, that has taken over 30 s
        await().atMost(Duration.ofSeconds(60))
                .until(() -> runs(ids[0]).stream().anyMatch(r -> !before.contains(r.get("id"))));
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(4)).until(() -> true);
        List<Map<String, Object>> fresh = runs(ids[0]).stream()
                .filter(r -> !before.contains(r.get("id")))
                .sorted(java.util.Comparator.comparingLong(r -> ((Number) r.get("id")).longValue()))
                .toList();
        long missedOnes = fresh.stream()
                .filter(r -> !Instant.parse((String) r.get("dueAt")).isAfter(restart))
                .count();
        assertTrue(missedOnes <= 1, "at most one run for the firings missed during the downtime: " + fresh);
        // The catch-up fires within the misfire threshold, so a regular firing of the next minute may follow it.
        assertTrue(fresh.size() <= 2, fresh.toString());
        Map<String, Object> catchUp = fresh.get(0);
        Instant due = Instant.parse((String) catchUp.get("dueAt"));
        assertEquals("QUEUED", catchUp.get("status"));
        assertEquals(0, due.getEpochSecond() % 60, "it stands for a minute of the cron");
        assertTrue(
                Duration.between(due, Instant.parse((String) catchUp.get("firedAt")))
                                .toSeconds()
                        < 60,
                "the latest occurrence before it fired, not one of the old missed ones: " + catchUp);
        // A cron firing every minute would go on queueing runs for the rest of the test suite.
        Fixtures.move(ids[0], "officer2", "end");
        assertEquals(null, quartz.getTrigger(key), "ending the operation disarms its notices");
    }
}
