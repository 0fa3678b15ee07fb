package org.takedown.notice;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import okhttp3.OkHttpClient;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.groupadministration.GetChat;
import org.telegram.telegrambots.meta.api.methods.groupadministration.GetChatMember;
import org.telegram.telegrambots.meta.api.methods.pinnedmessages.PinChatMessage;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.methods.updates.DeleteWebhook;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.LinkPreviewOptions;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.chat.ChatFullInfo;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMember;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMemberAdministrator;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMemberRestricted;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.photo.PhotoSize;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * The one way to Telegram: the TelegramBots client, configured from {@code takedown.telegram.*}. It sends one request
 * and says what became of it ({@link SendOutcome}); pacing, retries and records are the dispatcher's. Without a bot
 * token it runs dry. The token is never logged or returned: failure texts are scrubbed of it.
 */
@ApplicationScoped
public class TelegramGateway {

    @Inject
    TelegramConfig config;

    static final String MY_CHAT_MEMBER = "my_chat_member";

    private TelegramClient client;
    private String token;
    private volatile Long botId;

    @PostConstruct
    void init() {
        token = config.botToken().filter(t -> !t.isBlank()).orElse(null);
        if (token == null || config.dryRun().orElse(false)) {
            return;
        }
        Duration timeout = config.api().timeout();
        OkHttpClient http = new OkHttpClient.Builder()
                .connectTimeout(timeout.compareTo(Duration.ofSeconds(10)) < 0 ? timeout : Duration.ofSeconds(10))
                .readTimeout(timeout)
                .callTimeout(timeout)
                // A silent transport-level retry of a POST could deliver a notice twice.
                .retryOnConnectionFailure(false)
                .build();
        client = new OkHttpTelegramClient(
                http,
                token,
                new TelegramUrl(
                        config.api().scheme(), config.api().host(), config.api().port(), false));
    }

    public boolean dryRun() {
        return client == null;
    }

    /** The client for a send; the Telegram channel's dry-run sender never sends, so a dry gateway is never asked. */
    private TelegramClient sending() {
        if (client == null) {
            throw new IllegalStateException("The Telegram channel runs dry: nothing is sent");
        }
        return client;
    }

    /** {@code sendMessage} in HTML parse mode, link previews off. */
    public SendOutcome sendMessage(String chat, String html, boolean silent) {
        SendMessage message = SendMessage.builder()
                .chatId(chat)
                .text(html)
                .parseMode(ParseMode.HTML)
                .disableNotification(silent)
                .linkPreviewOptions(
                        LinkPreviewOptions.builder().isDisabled(true).build())
                .build();
        try {
            return new SendOutcome.Sent(sending().execute(message).getMessageId());
        } catch (TelegramApiRequestException e) {
            return refused(e);
        } catch (TelegramApiException e) {
            return transportFailure(e);
        }
    }

    /**
     * {@code sendPhoto} with an HTML caption: {@code photo} is Telegram's file id of an earlier upload, or new bytes
     * (then {@link SendOutcome.Sent#photoFileId()} says how to send them again without uploading).
     */
    public SendOutcome sendPhoto(String chat, InputFile photo, String caption, boolean silent) {
        SendPhoto message = SendPhoto.builder()
                .chatId(chat)
                .photo(photo)
                .caption(caption)
                .parseMode(ParseMode.HTML)
                .disableNotification(silent)
                .build();
        try {
            Message sent = sending().execute(message);
            List<PhotoSize> sizes = sent.getPhoto();
            String fileId = sizes == null || sizes.isEmpty()
                    ? null
                    : sizes.stream()
                            .max(Comparator.comparingInt(size -> size.getWidth() * size.getHeight()))
                            .orElseThrow()
                            .getFileId();
            return new SendOutcome.Sent(sent.getMessageId(), fileId);
        } catch (TelegramApiRequestException e) {
            return refused(e);
        } catch (TelegramApiException e) {
            return transportFailure(e);
        }
    }

    public SendOutcome pin(String chat, int messageId, boolean silent) {
        try {
            sending()
                    .execute(PinChatMessage.builder()
                            .chatId(chat)
                            .messageId(messageId)
                            .disableNotification(silent)
                            .build());
            return new SendOutcome.Sent(messageId);
        } catch (TelegramApiRequestException e) {
            return refused(e);
        } catch (TelegramApiException e) {
            return transportFailure(e);
        }
    }

    /** The bot's updates from {@code offset} on, waiting up to {@code wait} for one; only {@code my_chat_member}. */
    public List<Update> updates(long offset, Duration wait) throws TelegramApiException {
        if (dryRun()) {
            return List.of();
        }
        return client.execute(GetUpdates.builder()
                .offset((int) offset)
                .timeout((int) Math.max(0, wait.toSeconds()))
                .allowedUpdates(List.of(MY_CHAT_MEMBER))
                .build());
    }

    /** Registers the webhook Telegram must call, with the secret token it must send back. */
    public void registerWebhook(String url, String secretToken) throws TelegramApiException {
        if (!dryRun()) {
            client.execute(SetWebhook.builder()
                    .url(url)
                    .secretToken(secretToken)
                    .allowedUpdates(List.of(MY_CHAT_MEMBER))
                    .build());
        }
    }

    /** Removes any webhook, so that polling works (Telegram refuses getUpdates while a webhook is set). */
    public void removeWebhook() throws TelegramApiException {
        if (!dryRun()) {
            client.execute(DeleteWebhook.builder().build());
        }
    }

    /** Preflight for one chat: what it is, and whether this bot may post there. */
    public ChatCheck check(String chat) {
        if (dryRun()) {
            return new ChatCheck(PreflightStatus.DRY_RUN, "no bot token: nothing is checked or sent", null, null);
        }
        try {
            ChatFullInfo info = client.execute(GetChat.builder().chatId(chat).build());
            String type = info.getType();
            ChatMember member = client.execute(
                    GetChatMember.builder().chatId(chat).userId(botId()).build());
            return new ChatCheck(
                    rights(type, member), "bot is " + member.getStatus() + " in this " + type, type, info.getTitle());
        } catch (TelegramApiRequestException e) {
            String why = scrub(e.getApiResponse());
            PreflightStatus status = e.getErrorCode() != null && (e.getErrorCode() == 400 || e.getErrorCode() == 403)
                    ? (why != null && why.toLowerCase(java.util.Locale.ROOT).contains("not found")
                            ? PreflightStatus.NOT_FOUND
                            : PreflightStatus.NOT_MEMBER)
                    : PreflightStatus.FAILED;
            return new ChatCheck(status, e.getErrorCode() + " " + why, null, null);
        } catch (TelegramApiException e) {
            return new ChatCheck(PreflightStatus.FAILED, scrub(String.valueOf(e.getMessage())), null, null);
        }
    }

    private long botId() throws TelegramApiException {
        Long id = botId;
        if (id == null) {
            id = client.execute(new GetMe()).getId();
            botId = id;
        }
        return id;
    }

    static PreflightStatus rights(String chatType, ChatMember member) {
        String status = member.getStatus();
        if ("left".equals(status) || "kicked".equals(status)) {
            return PreflightStatus.NOT_MEMBER;
        }
        switch (chatType) {
            case "channel" -> {
                if ("creator".equals(status)) {
                    return PreflightStatus.OK;
                }
                return member instanceof ChatMemberAdministrator admin
                                && Boolean.TRUE.equals(admin.getCanPostMessages())
                        ? PreflightStatus.OK
                        : PreflightStatus.NO_RIGHTS;
            }
            case "group", "supergroup" -> {
                if (member instanceof ChatMemberRestricted restricted) {
                    return Boolean.TRUE.equals(restricted.getCanSendMessages())
                                    && Boolean.TRUE.equals(restricted.getIsMember())
                            ? PreflightStatus.OK
                            : PreflightStatus.NO_RIGHTS;
                }
                return PreflightStatus.OK;
            }
            default -> {
                return PreflightStatus.UNSUPPORTED_CHAT;
            }
        }
    }

    private SendOutcome refused(TelegramApiRequestException e) {
        var parameters = e.getParameters();
        return SendOutcome.ofError(
                e.getErrorCode(),
                scrub(e.getApiResponse()),
                parameters == null ? null : parameters.getRetryAfter(),
                parameters == null ? null : parameters.getMigrateToChatId());
    }

    /** A request that got no answer from the Bot API: before sending (retryable) or possibly after (unknown). */
    private SendOutcome transportFailure(TelegramApiException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException
                    || cause instanceof UnknownHostException
                    || cause instanceof NoRouteToHostException) {
                return new SendOutcome.Failed("not sent: " + scrub(cause.toString()), true);
            }
            if (cause instanceof InterruptedIOException) {
                return new SendOutcome.Unknown(
                        "no answer within " + config.api().timeout().toSeconds() + " s: " + scrub(cause.toString()));
            }
            if (cause instanceof IOException) {
                return new SendOutcome.Unknown("connection broke: " + scrub(cause.toString()));
            }
        }
        return new SendOutcome.Unknown(scrub(String.valueOf(e.getMessage())));
    }

    private String scrub(String text) {
        return text == null || token == null ? text : text.replace(token, "<bot-token>");
    }
}
