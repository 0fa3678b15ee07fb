package org.takedown.console;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.takedown.common.ProblemException;
import org.takedown.seizure.BannerPreview;
import org.takedown.seizure.BannerTemplates;

/** The banner's stylesheet, script and icon for the console's previews: the same public files every seized domain serves. */
@Path("/console/banner-assets")
public class BannerAssets {

    @Inject
    BannerPreview preview;

    @GET
    @Path("{name}")
    @PermitAll
    @Produces({"text/css", "text/javascript", "image/svg+xml"})
    public Response asset(@PathParam("name") String name) {
        BannerTemplates.Asset asset = preview.asset(name).orElseThrow(() -> ProblemException.notFound("Asset " + name));
        return Response.ok(asset.bytes(), asset.contentType())
                .header("Cache-Control", "public, max-age=300")
                .build();
    }
}
