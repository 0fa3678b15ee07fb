package org.takedown.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Telegram Bot API double on loopback for the real TelegramBots client: {@code POST /bot<token>/<method>} with
 * Telegram's reply shapes. It parses HTML with {@link TelegramHtmlReference}, enforces Telegram's limits (30 messages
 * per second per bot, 1 per second per chat, 20 per minute per group or channel) with 429 and {@code retry_after},
 * plays scripted faults per chat, and records every message it accepted. Photos: an upload must be a PNG or JPEG
 * and gets a file id; a file id it gave out sends the same photo again until {@link #forgetFileIds()}.
 */
public final class FakeBotApi implements AutoCloseable {

    public static final String TOKEN = "7000000001:AAFakeTokenForTestsOnly_xyzXYZ0123456789";
    public static final long BOT_ID = 7000000001L;

    public enum Fault {
        KICKED,
        BLOCKED,
        NOT_MEMBER,
        CHAT_NOT_FOUND,
        NOT_ENOUGH_RIGHTS,
        MIGRATE,
        SERVER_ERROR,
        WITHHOLD,
        NON_JSON,
        CONTENT_REFUSED,
        FLOOD
    }

    /** A chat and the bot's place in it: status creator/administrator/member/restricted/left/kicked. */
    public record Chat(long id, String type, String title, String botStatus, boolean canPost) {}

    /** An accepted message; for a photo, {@code text} is its caption and {@code photoSha256} the digest of its bytes. */
    public record Delivered(
            String chat,
            int messageId,
            String text,
            String parseMode,
            boolean silent,
            boolean linkPreviewDisabled,
            Instant at,
            String photoSha256,
            boolean uploaded) {}

    private record Scripted(Fault fault, long migrateTo, int[] remaining) {}

    private final ObjectMapper json = new ObjectMapper();
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(32);
    private final Map<String, Chat> chats = new ConcurrentHashMap<>();
    private final Map<String, Scripted> faults = new ConcurrentHashMap<>();
    private final List<Delivered> delivered = new CopyOnWriteArrayList<>();
    private final List<String> pinned = new CopyOnWriteArrayList<>();
    private final List<Map<String, Object>> updates = new CopyOnWriteArrayList<>();
    private final AtomicInteger updateIds = new AtomicInteger(5000);
    private final AtomicInteger getUpdatesCalls = new AtomicInteger();
    private final Map<String, Object> webhook = new ConcurrentHashMap<>();
    private final AtomicInteger messageIds = new AtomicInteger(100);
    private final AtomicInteger tooManyRequests = new AtomicInteger();
    private final Map<String, String> fileIds = new ConcurrentHashMap<>();
    private final Deque<Long> global = new ArrayDeque<>();
    private final Map<String, Deque<Long>> perChat = new HashMap<>();
    private final Map<String, Deque<Long>> perGroup = new HashMap<>();
    private volatile long withholdMillis = 5_000;

    static {
        // Without it the JDK server's separate header and body writes meet delayed ACKs: ~40 ms per answer.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private FakeBotApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public static FakeBotApi start() {
        try {
            return new FakeBotApi();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** A chat known by its numeric id and, for public ones, {@code @username}. */
    public FakeBotApi chat(String username, Chat chat) {
        chats.put(Long.toString(chat.id()), chat);
        if (username != null) {
            chats.put(username.toLowerCase(Locale.ROOT), chat);
        }
        return this;
    }

    /** The next {@code times} sends to {@code chat} meet this fault (MIGRATE: the chat's new id; FLOOD: retry_after). */
    public FakeBotApi fault(String chat, Fault fault, int times, long migrateTo) {
        faults.put(chat.toLowerCase(Locale.ROOT), new Scripted(fault, migrateTo, new int[] {times}));
        return this;
    }

    public FakeBotApi withholdFor(long millis) {
        withholdMillis = millis;
        return this;
    }

    public List<Delivered> delivered() {
        return List.copyOf(delivered);
    }

    /** Forgets what was delivered (chats, faults and limits stay). */
    public void clearDelivered() {
        delivered.clear();
    }

    /** Telegram's file ids are per bot: as after a token change, earlier ids are refused. */
    public void forgetFileIds() {
        fileIds.clear();
    }

    public int tooManyRequests() {
        return tooManyRequests.get();
    }

    public void reset() {
        chats.clear();
        faults.clear();
        delivered.clear();
        pinned.clear();
        updates.clear();
        tooManyRequests.set(0);
        fileIds.clear();
        synchronized (this) {
            global.clear();
            perChat.clear();
            perGroup.clear();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String[] path = exchange.getRequestURI().getPath().split("/");
            if (path.length != 3 || !path[1].equals("bot" + TOKEN)) {
                reply(exchange, error(401, "Unauthorized", null));
                return;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> body =
                    exchange.getRequestBody().available() == 0 && !"POST".equals(exchange.getRequestMethod())
                            ? Map.of()
                            : readBody(exchange);
            reply(
                    exchange,
                    switch (path[2].toLowerCase(Locale.ROOT)) {
                        case "getme" ->
                            ok(Map.of(
                                    "id",
                                    BOT_ID,
                                    "is_bot",
                                    true,
                                    "first_name",
                                    "Takedown",
                                    "username",
                                    "takedown_test_bot"));
                        case "getchat" -> getChat(String.valueOf(body.get("chat_id")));
                        case "getchatmember" -> getChatMember(String.valueOf(body.get("chat_id")));
                        case "sendmessage", "sendphoto" -> sendMessage(exchange, body);
                        case "pinchatmessage" -> pin(body);
                        case "getupdates" -> getUpdates(body);
                        case "setwebhook" -> {
                            webhook.clear();
                            webhook.putAll(body);
                            yield ok(true);
                        }
                        case "deletewebhook" -> {
                            webhook.clear();
                            yield ok(true);
                        }
                        default -> error(404, "Not Found: method not found", null);
                    });
        }
    }

    /** JSON, or multipart/form-data (TelegramBots sends setWebhook and photos that way), as Telegram accepts both. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> readBody(HttpExchange exchange) throws IOException {
        byte[] bytes = exchange.getRequestBody().readAllBytes();
        String type = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
        if (type.startsWith("multipart/form-data")) {
            return multipart(bytes, type.substring(type.indexOf("boundary=") + "boundary=".length()));
        }
        return bytes.length == 0 ? Map.of() : json.readValue(bytes, Map.class);
    }

    /** Text fields as strings (JSON arrays parsed), file parts as their bytes. */
    private Map<String, Object> multipart(byte[] bytes, String boundary) throws IOException {
        // ISO-8859-1 maps every byte to one char and back, so file parts survive the split unchanged.
        String body = new String(bytes, StandardCharsets.ISO_8859_1);
        Map<String, Object> fields = new HashMap<>();
        for (String part : body.split("--" + java.util.regex.Pattern.quote(boundary))) {
            int name = part.indexOf("name=\"");
            int blank = part.indexOf("\r\n\r\n");
            if (name < 0 || blank < 0) {
                continue;
            }
            String key = part.substring(name + 6, part.indexOf('"', name + 6));
            byte[] raw = part.substring(blank + 4).replaceFirst("\r\n$", "").getBytes(StandardCharsets.ISO_8859_1);
            if (part.substring(0, blank).contains("filename=")) {
                fields.put(key, raw);
                continue;
            }
            String value = new String(raw, StandardCharsets.UTF_8);
            fields.put(key, value.startsWith("[") ? json.readValue(value, List.class) : value);
        }
        return fields;
    }

    private Chat chatOf(String id) {
        return chats.get(id.toLowerCase(Locale.ROOT));
    }

    private Object getChat(String id) {
        Chat chat = chatOf(id);
        if (chat == null) {
            return error(400, "Bad Request: chat not found", null);
        }
        return ok(Map.of(
                "id",
                chat.id(),
                "type",
                chat.type(),
                "title",
                chat.title(),
                "accent_color_id",
                0,
                "max_reaction_count",
                11));
    }

    private Object getChatMember(String id) {
        Chat chat = chatOf(id);
        if (chat == null) {
            return error(400, "Bad Request: chat not found", null);
        }
        return ok(member(chat));
    }

    /** The bot as a member of the chat, in Telegram's shape for its status. */
    private static Map<String, Object> member(Chat chat) {
        Map<String, Object> member = new LinkedHashMap<>();
        member.put("status", chat.botStatus());
        member.put(
                "user",
                Map.of("id", BOT_ID, "is_bot", true, "first_name", "Takedown", "username", "takedown_test_bot"));
        switch (chat.botStatus()) {
            case "administrator" -> {
                for (String right : List.of(
                        "can_be_edited",
                        "is_anonymous",
                        "can_manage_chat",
                        "can_delete_messages",
                        "can_manage_video_chats",
                        "can_restrict_members",
                        "can_promote_members",
                        "can_change_info",
                        "can_invite_users",
                        "can_post_stories",
                        "can_edit_stories",
                        "can_delete_stories",
                        "can_edit_messages",
                        "can_pin_messages",
                        "can_manage_topics")) {
                    member.put(right, false);
                }
                member.put("can_post_messages", chat.canPost());
            }
            case "restricted" -> {
                member.put("is_member", true);
                member.put("until_date", 0);
                for (String right : List.of(
                        "can_send_messages",
                        "can_send_audios",
                        "can_send_documents",
                        "can_send_photos",
                        "can_send_videos",
                        "can_send_video_notes",
                        "can_send_voice_notes",
                        "can_send_polls",
                        "can_send_other_messages",
                        "can_add_web_page_previews",
                        "can_change_info",
                        "can_invite_users",
                        "can_pin_messages",
                        "can_manage_topics")) {
                    member.put(right, chat.canPost());
                }
            }
            case "kicked" -> member.put("until_date", 0);
            case "creator" -> member.put("is_anonymous", false);
            default -> {}
        }
        return member;
    }

    /**
     * Queues a {@code my_chat_member} update: the bot's status in the chat changed from {@code before} to {@code after}
     * (which also becomes what getChat/getChatMember report). Returns the update's JSON, as a webhook would receive it.
     */
    public Map<String, Object> botStatusChanged(String username, Chat before, Chat after) {
        chat(username, after);
        Map<String, Object> chatJson = new LinkedHashMap<>();
        chatJson.put("id", after.id());
        chatJson.put("type", after.type());
        chatJson.put("title", after.title());
        if (username != null) {
            chatJson.put("username", username.replaceFirst("^@", ""));
        }
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("chat", chatJson);
        change.put("from", Map.of("id", 42, "is_bot", false, "first_name", "Channel admin"));
        change.put("date", Instant.now().getEpochSecond());
        change.put("old_chat_member", member(before));
        change.put("new_chat_member", member(after));
        Map<String, Object> update = Map.of("update_id", updateIds.incrementAndGet(), "my_chat_member", change);
        synchronized (updates) {
            updates.add(update);
            updates.notifyAll();
        }
        return update;
    }

    private Object getUpdates(Map<String, Object> body) {
        long offset = body.get("offset") == null ? 0 : ((Number) body.get("offset")).longValue();
        getUpdatesCalls.incrementAndGet();
        synchronized (updates) {
            // A long poll, as Telegram's: answers as soon as an update is queued, or empty after a short wait.
            if (pendingFrom(offset).isEmpty()) {
                try {
                    updates.wait(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return ok(pendingFrom(offset));
        }
    }

    private List<Map<String, Object>> pendingFrom(long offset) {
        return updates.stream()
                .filter(u -> ((Number) u.get("update_id")).longValue() >= offset)
                .toList();
    }

    /**
     * The last {@code setWebhook} request (url, secret_token, allowed_updates), empty after deleteWebhook. Kept by
     * {@link #reset}: it is set once, when the application starts.
     */
    public Map<String, Object> webhook() {
        return Map.copyOf(webhook);
    }

    public int getUpdatesCalls() {
        return getUpdatesCalls.get();
    }

    private Object sendMessage(HttpExchange exchange, Map<String, Object> body) throws IOException {
        String id = String.valueOf(body.get("chat_id"));
        Scripted scripted = faults.get(id.toLowerCase(Locale.ROOT));
        if (scripted != null && scripted.remaining()[0]-- > 0) {
            switch (scripted.fault()) {
                case KICKED -> {
                    return error(403, "Forbidden: bot was kicked from the channel chat", null);
                }
                case BLOCKED -> {
                    return error(403, "Forbidden: bot was blocked by the user", null);
                }
                case NOT_MEMBER -> {
                    return error(403, "Forbidden: bot is not a member of the channel chat", null);
                }
                case CHAT_NOT_FOUND -> {
                    return error(400, "Bad Request: chat not found", null);
                }
                case NOT_ENOUGH_RIGHTS -> {
                    return error(400, "Bad Request: not enough rights to send text messages to the chat", null);
                }
                case MIGRATE -> {
                    return error(
                            400,
                            "Bad Request: group chat was upgraded to a supergroup chat",
                            Map.of("migrate_to_chat_id", scripted.migrateTo()));
                }
                case SERVER_ERROR -> {
                    return error(500, "Internal Server Error", null);
                }
                case CONTENT_REFUSED -> {
                    return error(
                            400,
                            "Bad Request: can't parse entities: unsupported start tag \"blink\" at byte offset 0",
                            null);
                }
                case FLOOD -> {
                    tooManyRequests.incrementAndGet();
                    return error(
                            429,
                            "Too Many Requests: retry after " + scripted.migrateTo(),
                            Map.of("retry_after", scripted.migrateTo()));
                }
                case NON_JSON -> {
                    byte[] html = "<html><body>502 Bad Gateway</body></html>".getBytes(StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(502, html.length);
                    exchange.getResponseBody().write(html);
                    return null;
                }
                case WITHHOLD -> {
                    Delivered accepted = accept(id, body);
                    try {
                        Thread.sleep(withholdMillis);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return message(accepted);
                }
                default -> throw new IllegalStateException();
            }
        }
        Chat chat = chatOf(id);
        if (chat == null) {
            return error(400, "Bad Request: chat not found", null);
        }
        boolean isPhoto = body.containsKey("photo");
        String photoSha256 = null;
        if (isPhoto) {
            Object photo = photoOf(body);
            photoSha256 = photo instanceof byte[] upload
                    ? (isImage(upload) ? sha256(upload) : null)
                    : fileIds.get(String.valueOf(photo));
            if (photoSha256 == null) {
                return error(
                        400,
                        photo instanceof byte[]
                                ? "Bad Request: IMAGE_PROCESS_FAILED"
                                : "Bad Request: wrong file identifier/HTTP URL specified",
                        null);
            }
        }
        String text = String.valueOf(body.get(isPhoto ? "caption" : "text"));
        if ("HTML".equalsIgnoreCase(String.valueOf(body.get("parse_mode")))) {
            try {
                text = TelegramHtmlReference.parse(text);
            } catch (TelegramHtmlReference.Refused refused) {
                return error(400, refused.getMessage(), null);
            }
        }
        if (text.length() > (isPhoto ? 1024 : 4096)) {
            return error(
                    400,
                    isPhoto ? "Bad Request: message caption is too long" : "Bad Request: message is too long",
                    null);
        }
        Integer retryAfter = rateLimit(id, chat);
        if (retryAfter != null) {
            tooManyRequests.incrementAndGet();
            return error(429, "Too Many Requests: retry after " + retryAfter, Map.of("retry_after", retryAfter));
        }
        return message(accept(id, body));
    }

    private Object pin(Map<String, Object> body) {
        String chat = String.valueOf(body.get("chat_id"));
        if (chatOf(chat) == null) {
            return error(400, "Bad Request: chat not found", null);
        }
        pinned.add(chat + "#" + body.get("message_id"));
        return ok(true);
    }

    /** Pins as {@code chat#messageId}. */
    public List<String> pinned() {
        return List.copyOf(pinned);
    }

    private Delivered accept(String chat, Map<String, Object> body) {
        Object preview = body.get("link_preview_options");
        Object photo = photoOf(body);
        String photoSha256 = photo == null
                ? null
                : photo instanceof byte[] upload ? sha256(upload) : fileIds.get(String.valueOf(photo));
        if (photo instanceof byte[]) {
            fileIds.put("AgACAgfake-" + photoSha256.substring(0, 24), photoSha256);
        }
        Delivered d = new Delivered(
                chat,
                messageIds.incrementAndGet(),
                String.valueOf(body.get(photo == null ? "text" : "caption")),
                (String) body.get("parse_mode"),
                isTrue(body.get("disable_notification")),
                preview != null
                        && (preview instanceof Map<?, ?> options
                                ? Boolean.TRUE.equals(options.get("is_disabled"))
                                : String.valueOf(preview).contains("\"is_disabled\":true")),
                Instant.now(),
                photoSha256,
                photo instanceof byte[]);
        delivered.add(d);
        return d;
    }

    /** Seconds to wait if this send would break a limit, else null (and the send is counted). */
    private synchronized Integer rateLimit(String chatKey, Chat chat) {
        long now = System.currentTimeMillis();
        Deque<Long> chatWindow = perChat.computeIfAbsent(chat.id() + "", k -> new ArrayDeque<>());
        Deque<Long> groupWindow = perGroup.computeIfAbsent(chat.id() + "", k -> new ArrayDeque<>());
        prune(global, now - 1000);
        prune(chatWindow, now - 1000);
        prune(groupWindow, now - 60_000);
        long wait = 0;
        if (global.size() >= 30) {
            wait = Math.max(wait, global.peekFirst() + 1000 - now);
        }
        if (!chatWindow.isEmpty()) {
            wait = Math.max(wait, chatWindow.peekFirst() + 1000 - now);
        }
        if (!"private".equals(chat.type()) && groupWindow.size() >= 20) {
            wait = Math.max(wait, groupWindow.peekFirst() + 60_000 - now);
        }
        if (wait > 0) {
            return (int) Math.ceil(wait / 1000.0);
        }
        global.addLast(now);
        chatWindow.addLast(now);
        groupWindow.addLast(now);
        return null;
    }

    private static void prune(Deque<Long> window, long before) {
        while (!window.isEmpty() && window.peekFirst() <= before) {
            window.pollFirst();
        }
    }

    private Object message(Delivered d) {
        Chat chat = chatOf(d.chat());
        Map<String, Object> chatJson = chat == null
                ? Map.of("id", 0, "type", "channel")
                : Map.of("id", chat.id(), "type", chat.type(), "title", chat.title());
        if (d.photoSha256() == null) {
            return ok(Map.of(
                    "message_id", d.messageId(), "date", d.at().getEpochSecond(), "chat", chatJson, "text", d.text()));
        }
        String fileId = "AgACAgfake-" + d.photoSha256().substring(0, 24);
        List<Map<String, Object>> sizes = List.of(
                Map.of("file_id", fileId, "file_unique_id", "s" + d.messageId(), "width", 90, "height", 60),
                Map.of("file_id", fileId, "file_unique_id", "m" + d.messageId(), "width", 1280, "height", 853));
        return ok(Map.of(
                "message_id",
                d.messageId(),
                "date",
                d.at().getEpochSecond(),
                "chat",
                chatJson,
                "caption",
                d.text(),
                "photo",
                sizes));
    }

    /** The uploaded bytes ({@code attach://<part name>}, as TelegramBots and the Bot API do it) or a file id. */
    private static Object photoOf(Map<String, Object> body) {
        Object photo = body.get("photo");
        return photo instanceof String ref && ref.startsWith("attach://")
                ? body.get(ref.substring("attach://".length()))
                : photo;
    }

    private static boolean isTrue(Object value) {
        return Boolean.TRUE.equals(value) || "true".equals(value);
    }

    /** What Telegram would decode as a photo: PNG or JPEG by signature. */
    private static boolean isImage(byte[] bytes) {
        return bytes.length > 8
                && ((bytes[0] == (byte) 0x89 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G')
                        || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xD8 && bytes[2] == (byte) 0xFF));
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(
                            java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> ok(Object result) {
        return Map.of("ok", true, "result", result);
    }

    private static Map<String, Object> error(int code, String description, Map<String, Object> parameters) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("ok", false);
        error.put("error_code", code);
        error.put("description", description);
        if (parameters != null) {
            error.put("parameters", parameters);
        }
        return error;
    }

    private void reply(HttpExchange exchange, Object body) throws IOException {
        if (body == null) {
            return;
        }
        @SuppressWarnings("unchecked")
        int status = body instanceof Map<?, ?> map && Boolean.FALSE.equals(map.get("ok"))
                ? ((Number) ((Map<String, Object>) map).get("error_code")).intValue()
                : 200;
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
