package org.takedown.evidence;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.takedown.common.Page;
import org.takedown.common.PageRequest;
import org.takedown.security.Roles;

/**
 * An operation's captures: the manifest rows, each WARC file as a download (never rendered: captured HTML is the
 * criminals' page), and the whole evidence as a verifiable bundle.
 */
@Path("/api/operations/{id}/evidence")
@Produces(MediaType.APPLICATION_JSON)
public class EvidenceResource {

    static final String WARC = "application/warc";

    @Inject
    EvidenceService evidence;

    @Inject
    EvidenceBundle bundle;

    @Inject
    SecurityIdentity identity;

    @GET
    @RolesAllowed(Roles.VIEWER)
    public Page<CaptureView> list(@PathParam("id") long id, @Valid @BeanParam PageRequest page) {
        return Page.of(evidence.list(id), page, CaptureView::of);
    }

    @GET
    @Path("/{captureId}")
    @RolesAllowed(Roles.VIEWER)
    public CaptureView get(@PathParam("id") long id, @PathParam("captureId") long captureId) {
        return CaptureView.of(evidence.get(id, captureId));
    }

    @GET
    @Path("/{captureId}/warc")
    @Produces(WARC)
    @RolesAllowed(Roles.VIEWER)
    public Response warc(@PathParam("id") long id, @PathParam("captureId") long captureId) {
        Capture capture = evidence.get(id, captureId);
        return attachment(Response.ok(capture.warc, WARC), capture.fileName())
                .header(HttpHeaders.ETAG, "\"" + capture.warcSha256 + "\"")
                .build();
    }

    /** The zip described in {@link EvidenceBundle}; exporting is audited. */
    @GET
    @Path("/export")
    @Produces("application/zip")
    @RolesAllowed(Roles.OFFICER)
    public Response export(@PathParam("id") long id) {
        EvidenceBundle.Prepared prepared =
                bundle.prepare(identity.getPrincipal().getName(), id);
        StreamingOutput body = out -> bundle.write(prepared, out);
        return attachment(Response.ok(body, "application/zip"), prepared.fileName())
                .build();
    }

    private static Response.ResponseBuilder attachment(Response.ResponseBuilder response, String fileName) {
        return response.header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .header("X-Content-Type-Options", "nosniff");
    }

    public record CaptureView(
            long id,
            Long targetId,
            String target,
            String reason,
            String url,
            List<String> redirects,
            String peerIp,
            int httpStatus,
            boolean truncated,
            Instant capturedAt,
            String warcSha256,
            long warcSize,
            String payloadSha256,
            String responseRecordId) {

        static CaptureView of(Capture c) {
            return new CaptureView(
                    c.id,
                    c.targetId,
                    c.targetValue,
                    c.reason,
                    c.url,
                    c.redirects.isEmpty() ? List.of() : Arrays.asList(c.redirects.split("\n")),
                    c.peerIp,
                    c.httpStatus,
                    c.truncated,
                    c.capturedAt,
                    c.warcSha256,
                    c.warcSize,
                    c.payloadSha256,
                    c.responseRecordId);
        }
    }
}
