package org.takedown.logging;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.UriInfo;
import java.security.Principal;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Names, in the log context (MDC) of everything logged while an officer request is handled, the request
 * ({@code requestId}: the ingress's {@code X-Request-Id} when well-formed, else a new one, echoed in the response),
 * who made it ({@code actor}) and the operation it is about ({@code operationId}, for {@code /api/operations/{id}/...} and
 * the console's {@code /console/operations/{id}/...}).
 * JSON logs carry them as fields of the {@code mdc} object, so one request's lines can be found together.
 */
public class RequestLogContext {

    static final String REQUEST_ID = "requestId";
    static final String ACTOR = "actor";
    static final String OPERATION_ID = "operationId";
    static final String HEADER = "X-Request-Id";

    private static final Pattern WELL_FORMED_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,18}");

    @ServerRequestFilter(preMatching = true)
    public void identify(ContainerRequestContext request) {
        String given = request.getHeaderString(HEADER);
        String id = given != null && WELL_FORMED_ID.matcher(given).matches()
                ? given
                : UUID.randomUUID().toString();
        request.setProperty(REQUEST_ID, id);
        MDC.put(REQUEST_ID, id);
    }

    @ServerRequestFilter
    public void describe(ContainerRequestContext request, UriInfo uri) {
        Principal user = request.getSecurityContext().getUserPrincipal();
        if (user != null && user.getName() != null && !user.getName().isEmpty()) {
            MDC.put(ACTOR, LogValueEscaping.escape(user.getName()));
        }
        String operation = uri.getPathParameters().getFirst("id");
        if (operation != null
                && (uri.getPath().startsWith("/api/operations/")
                        || uri.getPath().startsWith("/console/operations/"))
                && NUMBER.matcher(operation).matches()) {
            MDC.put(OPERATION_ID, operation);
        }
    }

    @ServerResponseFilter
    public void leave(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(REQUEST_ID) instanceof String id) {
            response.getHeaders().putSingle(HEADER, id);
        }
        MDC.remove(REQUEST_ID);
        MDC.remove(ACTOR);
        MDC.remove(OPERATION_ID);
    }
}
