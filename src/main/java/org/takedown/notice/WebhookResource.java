package org.takedown.notice;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Telegram's webhook ({@code takedown.telegram.updates.mode=WEBHOOK}): reachable only at the secret path, and only
 * with the secret token Telegram was given. Anything else gets the same neutral 404, so the endpoint's existence is
 * not revealed. The update is applied before answering: a failure makes Telegram deliver it again.
 */
@Path("/telegram/webhook/{secret}")
public class WebhookResource {

    // Telegram adds fields over time; an update we do not fully understand must still be accepted.
    private static final ObjectMapper UPDATES =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    @Inject
    TelegramConfig config;

    @Inject
    BotUpdates updates;

    @POST
    @PermitAll
    @Operation(hidden = true)
    public Response receive(
            @PathParam("secret") String secret,
            @HeaderParam("X-Telegram-Bot-Api-Secret-Token") String token,
            byte[] body) {
        TelegramConfig.Updates settings = config.updates();
        if (settings.mode() != TelegramConfig.Updates.Mode.WEBHOOK
                || !matches(settings.webhookPath(), secret)
                || !matches(settings.webhookSecretToken(), token)) {
            return Response.status(404).build();
        }
        Update update;
        try {
            update = UPDATES.readValue(body, Update.class);
        } catch (IOException e) {
            return Response.status(400).build();
        }
        updates.apply(update);
        return Response.ok().build();
    }

    private static boolean matches(Optional<String> expected, String given) {
        return expected.isPresent()
                && given != null
                && MessageDigest.isEqual(
                        expected.get().getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}
