package org.takedown.victim.sms.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.regex.Pattern;
import org.takedown.delivery.DeliveryReceipt;
import org.takedown.delivery.Outcome;
import uk.gov.service.notify.NotificationClientException;

/**
 * GOV.UK Notify's answers in the engine's classes. Its errors come as {@code {"status_code": n, "errors": [{"error":
 * "<class>", "message": "..."}]}} (the client puts the body in its exception's message), or without a status when the
 * request failed on the way.
 */
final class NotifyAnswers {

    /** Notify's daily limits start again at midnight, UK time. */
    static final ZoneId NOTIFY_DAY = ZoneId.of("Europe/London");

    /** How long the channel stops after Notify's per-minute limit was hit: the limit counts a rolling minute. */
    static final int RATE_LIMIT_PAUSE_SECONDS = 10;

    /** How long the channel waits when Notify could not be reached at all. */
    static final int UNREACHABLE_PAUSE_SECONDS = 5;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern DIGITS = Pattern.compile("\\+?\\d[\\d ]{5,}\\d");

    private NotifyAnswers() {}

    /** What a refused or failed send means for its row. */
    static Outcome outcome(NotificationClientException e) {
        return outcome(e, ZonedDateTime.now(NOTIFY_DAY));
    }

    static Outcome outcome(NotificationClientException e, ZonedDateTime now) {
        int status = e.getHttpResult();
        if (status == 0) {
            return unanswered(e.getMessage());
        }
        Optional<Error> error = error(e.getMessage());
        String kind = error.map(Error::kind).orElse("");
        String reason = "Notify " + status + (kind.isEmpty() ? "" : " " + kind) + ": "
                + error.map(Error::message).orElse("no reason given");
        if (status == 429) {
            if (kind.equals("TooManyRequestsError")) { // the service's daily limit: nothing goes before tomorrow
                LocalDate tomorrow = now.toLocalDate().plusDays(1);
                long seconds =
                        Duration.between(now, tomorrow.atStartOfDay(NOTIFY_DAY)).toSeconds();
                return new Outcome.RateLimited((int) Math.max(1, seconds), true);
            }
            return new Outcome.RateLimited(RATE_LIMIT_PAUSE_SECONDS, true);
        }
        if (status == 400) {
            String message = error.map(Error::message).orElse("");
            if (message.startsWith("phone_number") || message.startsWith("Can't send to this recipient")) {
                return new Outcome.RecipientGone(reason);
            }
            // the template, its values or the service's permissions: every message of the campaign would fail alike
            return new Outcome.ContentRefused(reason);
        }
        if (status == 403) {
            return new Outcome.Failed(reason, true); // a key revoked or mistyped: sent again once it is put right
        }
        return new Outcome.Failed(reason, status >= 500);
    }

    /**
     * A request that got no answer: one that never reached Notify (no connection) waits with the whole channel; one that
     * may have reached it is UNKNOWN, never sent again by itself.
     */
    private static Outcome unanswered(String message) {
        String why = message == null ? "no answer" : scrub(message);
        if (why.contains("ConnectException")
                || why.contains("UnknownHostException")
                || why.contains("NoRouteToHostException")
                || why.contains("connect timed out")) {
            return new Outcome.Unreachable("Notify not reached: " + why, UNREACHABLE_PAUSE_SECONDS);
        }
        return new Outcome.Unknown("no answer from Notify: " + why);
    }

    /** A status Notify reports (callback or polling) in the engine's receipt classes. */
    static DeliveryReceipt.Status receipt(String status) {
        return switch (status) {
            case "delivered" -> DeliveryReceipt.Status.DELIVERED;
            case "permanent-failure" -> DeliveryReceipt.Status.FAILED_PERMANENT;
            // the phone was off or out of reach: sent again once, in the window
            case "temporary-failure" -> DeliveryReceipt.Status.FAILED_TEMPORARY;
            // Notify or its provider could not send it ("try sending your messages again"): retried with backoff
            case "technical-failure" -> DeliveryReceipt.Status.FAILED_TECHNICAL;
            // created, sending, pending; "sent" to an international number whose network reports nothing more
            default -> DeliveryReceipt.Status.PROGRESS;
        };
    }

    private static Optional<Error> error(String message) {
        if (message == null || message.indexOf('{') < 0) {
            return Optional.empty();
        }
        try {
            JsonNode first = JSON.readTree(message.substring(message.indexOf('{')))
                    .path("errors")
                    .path(0);
            if (first.isMissingNode()) {
                return Optional.empty();
            }
            return Optional.of(new Error(
                    first.path("error").asText(""), scrub(first.path("message").asText(""))));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Notify's messages name fields, not values; a number echoed all the same is not kept. */
    static String scrub(String text) {
        return DIGITS.matcher(text).replaceAll("•••");
    }

    private record Error(String kind, String message) {}
}
