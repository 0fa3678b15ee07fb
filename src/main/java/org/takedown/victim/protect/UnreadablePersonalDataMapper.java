package org.takedown.victim.protect;

import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.takedown.common.Problem;

/** A 503 problem document for sealed data that does not open, logged once per request for the operator. */
public class UnreadablePersonalDataMapper {

    private static final Logger LOG = Logger.getLogger(UnreadablePersonalDataMapper.class);

    @ServerExceptionMapper
    public Response unreadable(UnreadablePersonalData e) {
        LOG.error(e.getMessage());
        Problem problem = new Problem(
                "about:blank",
                "Service Unavailable",
                503,
                e.getMessage() + ": check the personal-data key file (docs/victims.md)",
                List.of());
        return Response.status(503).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
