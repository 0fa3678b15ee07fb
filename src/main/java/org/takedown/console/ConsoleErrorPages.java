package org.takedown.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.takedown.common.Problem;

/**
 * A console page that cannot be shown (not found, not allowed, refused) is answered with a page of the console
 * saying so, not with the API's problem document. htmx requests keep the short answer: the page they came from shows
 * the error itself.
 */
public class ConsoleErrorPages {

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance error(int status, String title, String detail);
    }

    @ServerResponseFilter
    public void render(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getPath();
        int status = response.getStatus();
        if (!(path.equals("/console") || path.startsWith("/console/"))
                || status < 400
                || status == 422
                || request.getHeaderString("HX-Request") != null
                || !"GET".equals(request.getMethod())) {
            return;
        }
        String detail = response.getEntity() instanceof Problem problem ? problem.detail() : null;
        String title = switch (status) {
            case 403 -> "Not allowed";
            case 404 -> "Not found";
            default -> "Something went wrong";
        };
        response.setEntity(
                Templates.error(
                                status,
                                title,
                                detail != null
                                        ? detail
                                        : status == 403
                                                ? "Your roles do not allow this page."
                                                : "The page cannot be shown.")
                        .render(),
                null,
                MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
    }
}
