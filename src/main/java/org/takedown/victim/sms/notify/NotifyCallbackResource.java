package org.takedown.victim.sms.notify;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.takedown.delivery.Receipts;
import org.takedown.victim.VictimsConfig;

/**
 * GOV.UK Notify's delivery-status callbacks: accepted only with the bearer token set in Notify's callback settings
 * ({@code takedown.victims.sms.notify.callback-token}); without one configured, or with another token, the same
 * neutral 404, so the endpoint's existence is not revealed. The status is recorded as a receipt of the message before
 * the answer, so a failure makes Notify call again. The callback names the phone number; it is neither kept nor logged.
 */
@Path("/notify/callback")
public class NotifyCallbackResource {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    VictimsConfig config;

    @Inject
    Receipts receipts;

    @POST
    @PermitAll
    @Operation(hidden = true)
    public Response receive(@HeaderParam("Authorization") String authorization, byte[] body) {
        if (!authorised(config.sms().govNotify().callbackToken(), authorization)) {
            return Response.status(404).build();
        }
        Callback callback;
        try {
            callback = JSON.readValue(body, Callback.class);
        } catch (IOException e) {
            return Response.status(400).build();
        }
        if (callback.id() == null || callback.id().isBlank() || callback.status() == null) {
            return Response.status(400).build();
        }
        receipts.record(
                NotifyChannel.NAME,
                callback.id().strip(),
                NotifyAnswers.receipt(callback.status()),
                "Notify status " + NotifyAnswers.scrub(callback.status()));
        return Response.noContent().build();
    }

    /** The bearer token Notify sends with every callback, compared in constant time; none configured: none accepted. */
    static boolean authorised(Optional<String> token, String authorization) {
        return token.isPresent()
                && authorization != null
                && MessageDigest.isEqual(
                        ("Bearer " + token.get()).getBytes(StandardCharsets.UTF_8),
                        authorization.strip().getBytes(StandardCharsets.UTF_8));
    }

    /** The fields of Notify's callback that are read; {@code to} (the number) is not among them. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Callback(
            @JsonProperty("id") String id,
            @JsonProperty("status") String status) {}
}
