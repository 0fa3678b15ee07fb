package org.takedown.victim.sms.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.keys.HmacKey;

/**
 * A GOV.UK Notify API on loopback, as its documentation describes it for a test API key: {@code POST
 * /v2/notifications/sms} and {@code GET /v2/notifications/{id}} under a JWT (HS256 with the key's secret, issuer the
 * service id, issued within 30 seconds), the per-minute rate limit ({@code RateLimitError}), validation errors, and the
 * test key's simulated outcomes (07700 900002 a permanent failure, 07700 900003 a temporary failure, any other number
 * delivered), each reported to the callback URL with the service's bearer token. Scriptable faults: answer the next
 * sends with an HTTP status, or withhold their answers.
 */
public final class FakeNotify implements Closeable {

    public static final String SERVICE_ID = "2f5b4c1e-8b5e-4f7e-9a4e-6c0b0f3a1d2e";
    public static final String SECRET = "0d9f5c3a-7e21-4b9a-8f3e-5a6b7c8d9e0f";
    public static final String API_KEY = "takedown_test-" + SERVICE_ID + "-" + SECRET;
    /** A text message template whose body is {@code ((message))}. */
    public static final String TEMPLATE_ID = "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d";

    /** One message Notify accepted. */
    public record Sent(String id, String phoneNumber, String body, String reference, Instant at) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    public final List<Sent> sent = new CopyOnWriteArrayList<>();
    public final AtomicInteger rateLimited = new AtomicInteger();
    public final AtomicInteger refusedTokens = new AtomicInteger();
    public final AtomicInteger statusReads = new AtomicInteger();
    private final AtomicInteger technicalFailures = new AtomicInteger();
    /** The HTTP status of each callback the service answered. */
    public final List<Integer> callbackAnswers = new CopyOnWriteArrayList<>();

    private final HttpServer server;
    private final HttpClient callbacks =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ScheduledExecutorService later = Executors.newScheduledThreadPool(2);
    private final Map<String, ObjectNode> notifications = new ConcurrentHashMap<>();
    private final Deque<Instant> lastMinute = new ArrayDeque<>();
    private final Deque<Scripted> scripted = new ArrayDeque<>();
    private volatile int perMinute = 3000;
    private volatile int withhold;
    private volatile String callbackUrl;
    private volatile String callbackToken;
    private volatile Duration statusAfter = Duration.ofMillis(200);
    /** Text messages phones sent to the service's inbound number, oldest first. */
    private final List<ObjectNode> received = new CopyOnWriteArrayList<>();

    private volatile int receivedPage = 250;
    private volatile String receivedUrl;
    private final CountDownLatch released = new CountDownLatch(1);

    public FakeNotify() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.createContext("/v2/notifications", this::handle);
        server.createContext("/v2/received-text-messages", this::handleReceived);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Where the service's delivery statuses go, with this bearer token (null: no callbacks). */
    public void callbacks(String url, String token) {
        callbackUrl = url;
        callbackToken = token;
    }

    /** Where the service's received-text callbacks go, with the callback token (null: none). */
    public void receivedCallbacks(String url) {
        receivedUrl = url;
    }

    /** How many received messages a page of Notify's list holds (Notify: 250). */
    public void receivedPage(int size) {
        receivedPage = size;
    }

    /** A phone texts the service's inbound number: kept for the list, and posted to the callback if one is set. */
    public String reply(String from, String text) {
        String id = UUID.randomUUID().toString();
        String at = Instant.now().toString();
        received.add(JSON.createObjectNode()
                .put("id", id)
                .put("user_number", from)
                .put("notify_number", "07700900000")
                .put("service_id", SERVICE_ID)
                .put("content", text)
                .put("created_at", at));
        String url = receivedUrl;
        if (url != null) {
            String body = JSON.createObjectNode()
                    .put("id", id)
                    .put("source_number", from)
                    .put("destination_number", "07700900000")
                    .put("message", text)
                    .put("date_received", at)
                    .toString();
            later.execute(() -> postCallback(url, body, 3));
        }
        return id;
    }

    /** The ids of the messages phones sent, oldest first. */
    public List<String> receivedIds() {
        return received.stream().map(m -> m.path("id").asText()).toList();
    }

    /** {@code GET /v2/received-text-messages[?older_than=id]}: newest first, a page at a time. */
    private void handleReceived(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!authorised(exchange.getRequestHeaders().getFirst("Authorization"))) {
                refusedTokens.incrementAndGet();
                error(exchange, 403, "AuthError", "Invalid token: signature, api token not found");
                return;
            }
            List<ObjectNode> newestFirst = new ArrayList<>(received);
            Collections.reverse(newestFirst);
            String query = exchange.getRequestURI().getQuery();
            int from = 0;
            if (query != null && query.startsWith("older_than=")) {
                String olderThan = query.substring("older_than=".length());
                from = newestFirst.size();
                for (int i = 0; i < newestFirst.size(); i++) {
                    if (newestFirst.get(i).path("id").asText().equals(olderThan)) {
                        from = i + 1;
                    }
                }
            }
            List<ObjectNode> page = newestFirst.subList(from, Math.min(newestFirst.size(), from + receivedPage));
            ObjectNode answer = JSON.createObjectNode();
            answer.putArray("received_text_messages").addAll(page);
            ObjectNode links = answer.putObject("links").put("current", "/v2/received-text-messages");
            if (from + page.size() < newestFirst.size()) {
                links.put(
                        "next",
                        "/v2/received-text-messages?older_than="
                                + page.get(page.size() - 1).path("id").asText());
            } else {
                links.putNull("next");
            }
            answer(exchange, 200, answer);
        }
    }

    public void perMinute(int limit) {
        perMinute = limit;
    }

    /** The next send is answered with this error, as Notify words it. */
    public synchronized void answerNext(int status, String kind, String message) {
        scripted.add(new Scripted(status, kind, message));
    }

    /** The next send fails inside Notify ({@code 500 Exception}). */
    public void failNext() {
        answerNext(500, "Exception", "Internal server error");
    }

    private record Scripted(int status, String kind, String message) {}

    /** The next {@code n} sends are accepted but never answered (until {@link #close}). */
    public void withholdNext(int n) {
        withhold = n;
    }

    /**
     * The next {@code n} messages accepted end in {@code technical-failure} (Notify or its provider could not send
     * them), which the test key cannot simulate.
     */
    public void technicalFailures(int n) {
        technicalFailures.set(n);
    }

    public synchronized void reset() {
        technicalFailures.set(0);
        sent.clear();
        scripted.clear();
        lastMinute.clear();
        rateLimited.set(0);
        refusedTokens.set(0);
        statusReads.set(0);
        callbackAnswers.clear();
        received.clear();
        receivedPage = 250;
        receivedUrl = null;
        withhold = 0;
        perMinute = 3000;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!authorised(exchange.getRequestHeaders().getFirst("Authorization"))) {
                refusedTokens.incrementAndGet();
                error(exchange, 403, "AuthError", "Invalid token: signature, api token not found");
                return;
            }
            String path = exchange.getRequestURI().getPath();
            if (exchange.getRequestMethod().equals("POST") && path.equals("/v2/notifications/sms")) {
                sendSms(exchange);
            } else if (exchange.getRequestMethod().equals("GET") && path.startsWith("/v2/notifications/")) {
                statusReads.incrementAndGet();
                ObjectNode notification = notifications.get(path.substring("/v2/notifications/".length()));
                if (notification == null) {
                    error(exchange, 404, "NoResultFound", "No result found");
                } else {
                    answer(exchange, 200, notification);
                }
            } else {
                error(exchange, 404, "NotFound", "Not found");
            }
        }
    }

    private void sendSms(HttpExchange exchange) throws IOException {
        if (!withinRate()) {
            rateLimited.incrementAndGet();
            error(
                    exchange,
                    429,
                    "RateLimitError",
                    "Exceeded rate limit for key type TEST of " + perMinute + " requests per 60 seconds");
            return;
        }
        Scripted next;
        synchronized (this) {
            next = scripted.poll();
        }
        if (next != null) {
            error(exchange, next.status(), next.kind(), next.message());
            return;
        }
        JsonNode body = JSON.readTree(exchange.getRequestBody());
        String phone = body.path("phone_number").asText("");
        String national =
                phone.replaceAll("[\\s()-]", "").replaceFirst("^\\+44", "0").replaceFirst("^0044", "0");
        if (!national.matches("07\\d{9}")) {
            error(exchange, 400, "ValidationError", "phone_number Not a UK mobile number");
            return;
        }
        if (!TEMPLATE_ID.equals(body.path("template_id").asText())) {
            error(exchange, 400, "BadRequestError", "Template not found");
            return;
        }
        JsonNode message = body.path("personalisation").path("message");
        if (!message.isTextual()) {
            error(exchange, 400, "BadRequestError", "Missing personalisation: message");
            return;
        }
        String id = UUID.randomUUID().toString();
        String reference =
                body.path("reference").isTextual() ? body.get("reference").asText() : null;
        Instant now = Instant.now();
        ObjectNode notification = JSON.createObjectNode()
                .put("id", id)
                .put("reference", reference)
                .put("phone_number", phone)
                .put("type", "sms")
                .put("status", "created")
                .put("body", message.asText())
                .put("created_at", now.toString());
        notification
                .putObject("template")
                .put("id", TEMPLATE_ID)
                .put("version", 1)
                .put("uri", "http://127.0.0.1/v2/template/" + TEMPLATE_ID);
        notifications.put(id, notification);
        sent.add(new Sent(id, phone, message.asText(), reference, now));
        later.schedule(() -> settle(id, national), statusAfter.toMillis(), TimeUnit.MILLISECONDS);
        if (withhold > 0) {
            withhold--;
            awaitRelease();
            return;
        }
        ObjectNode answer = JSON.createObjectNode().put("id", id).put("reference", reference);
        answer.putObject("content").put("body", message.asText()).put("from_number", "GOVUK");
        answer.putObject("template")
                .put("id", TEMPLATE_ID)
                .put("version", 1)
                .put("uri", "http://127.0.0.1/v2/template/" + TEMPLATE_ID);
        answer.put("uri", "http://127.0.0.1/v2/notifications/" + id);
        answer(exchange, 201, answer);
    }

    /** The test key's outcome, reported as Notify reports it. */
    private void settle(String id, String national) {
        String status = switch (national) {
            case "07700900002" -> "permanent-failure";
            case "07700900003" -> "temporary-failure";
            default -> technicalFailures.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? "technical-failure" : "delivered";
        };
        ObjectNode notification = notifications.get(id);
        Instant now = Instant.now();
        notification.put("status", status).put("sent_at", now.toString()).put("completed_at", now.toString());
        String url = callbackUrl;
        if (url == null) {
            return;
        }
        ObjectNode callback = JSON.createObjectNode()
                .put("id", id)
                .put("reference", notification.path("reference").asText(null))
                .put("to", notification.path("phone_number").asText())
                .put("status", status)
                .put("created_at", notification.path("created_at").asText())
                .put("completed_at", now.toString())
                .put("sent_at", now.toString())
                .put("notification_type", "sms")
                .put("template_id", TEMPLATE_ID)
                .put("template_version", 1);
        postCallback(url, callback.toString(), 3);
    }

    /** Posts a status to the service; Notify tries a callback that failed again, a little later. */
    private void postCallback(String url, String body, int attempts) {
        try {
            HttpResponse<Void> response = callbacks.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .header("Authorization", "Bearer " + callbackToken)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            callbackAnswers.add(response.statusCode());
            if (response.statusCode() < 300) {
                return;
            }
        } catch (IOException e) {
            // tried again below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (attempts > 1) {
            later.schedule(() -> postCallback(url, body, attempts - 1), 200, TimeUnit.MILLISECONDS);
        }
    }

    private synchronized boolean withinRate() {
        Instant now = Instant.now();
        while (!lastMinute.isEmpty() && lastMinute.peekFirst().isBefore(now.minusSeconds(60))) {
            lastMinute.pollFirst();
        }
        if (lastMinute.size() >= perMinute) {
            return false;
        }
        lastMinute.addLast(now);
        return true;
    }

    /** The client's JWT: HS256 under the key's secret, issued by the service, within 30 seconds of now. */
    private static boolean authorised(String header) {
        if (header == null || !header.startsWith("Bearer ")) {
            return false;
        }
        try {
            JsonWebSignature jws = new JsonWebSignature();
            jws.setAlgorithmConstraints(new AlgorithmConstraints(
                    AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.HMAC_SHA256));
            jws.setCompactSerialization(header.substring("Bearer ".length()));
            jws.setKey(new HmacKey(SECRET.getBytes(StandardCharsets.UTF_8)));
            if (!jws.verifySignature()) {
                return false;
            }
            JwtClaims claims = JwtClaims.parse(jws.getPayload());
            long issued = claims.getIssuedAt().getValue();
            return SERVICE_ID.equals(claims.getIssuer())
                    && Math.abs(Instant.now().getEpochSecond() - issued) <= 30;
        } catch (Exception e) {
            return false;
        }
    }

    private void awaitRelease() {
        try {
            released.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void error(HttpExchange exchange, int status, String kind, String message) throws IOException {
        ObjectNode body = JSON.createObjectNode().put("status_code", status);
        body.putArray("errors").addObject().put("error", kind).put("message", message);
        answer(exchange, status, body);
    }

    private static void answer(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        released.countDown();
        later.shutdownNow();
        server.stop(0);
    }
}
