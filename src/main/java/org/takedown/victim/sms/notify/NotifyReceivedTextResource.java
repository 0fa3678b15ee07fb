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
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.takedown.victim.VictimsConfig;

/**
 * GOV.UK Notify's received-text callback: a phone texted the force's Notify number. Accepted only with the callback
 * bearer token (else the same neutral 404 as the status callback); the message is acted on before the answer (a STOP
 * suppresses the number), so a failure makes Notify call again. Neither the number nor the text is kept or logged.
 */
@Path("/notify/received-text")
public class NotifyReceivedTextResource {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    VictimsConfig config;

    @Inject
    NotifyReceivedTexts texts;

    @POST
    @PermitAll
    @Operation(hidden = true)
    public Response receive(@HeaderParam("Authorization") String authorization, byte[] body) {
        if (!NotifyCallbackResource.authorised(config.sms().govNotify().callbackToken(), authorization)) {
            return Response.status(404).build();
        }
        Received received;
        try {
            received = JSON.readValue(body, Received.class);
        } catch (IOException e) {
            return Response.status(400).build();
        }
        Instant at;
        try {
            at = received.dateReceived() == null
                    ? null
                    : OffsetDateTime.parse(received.dateReceived()).toInstant();
        } catch (DateTimeParseException e) {
            at = null;
        }
        if (received.id() == null
                || !received.id().matches("[0-9a-fA-F-]{36}")
                || received.sourceNumber() == null
                || at == null) {
            return Response.status(400).build();
        }
        texts.receive(received.id().toLowerCase(), received.sourceNumber(), received.message(), at);
        return Response.noContent().build();
    }

    /** The fields of Notify's received-text callback; {@code destination_number} (the force's own) is not read. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Received(
            @JsonProperty("id") String id,
            @JsonProperty("source_number") String sourceNumber,
            @JsonProperty("message") String message,
            @JsonProperty("date_received") String dateReceived) {}
}
