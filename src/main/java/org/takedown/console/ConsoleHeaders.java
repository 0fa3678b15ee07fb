package org.takedown.console;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MultivaluedMap;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Console pages run only the console's own scripts and styles (no inline script, no other origin), are never framed
 * and never cached: a strict Content-Security-Policy backs the escaping of officer text in every template.
 */
public class ConsoleHeaders {

    static final String CSP =
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
                    + "frame-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    @ServerResponseFilter
    public void secure(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getPath();
        if (!(path.equals("/console") || path.startsWith("/console/"))) {
            return;
        }
        MultivaluedMap<String, Object> headers = response.getHeaders();
        headers.putIfAbsent("Content-Security-Policy", java.util.List.of(CSP));
        headers.putSingle("X-Content-Type-Options", "nosniff");
        // same-origin, not no-referrer: with no-referrer a browser sends "Origin: null" on the console's own form
        // posts.
        headers.putSingle("Referrer-Policy", "same-origin");
        headers.putIfAbsent("Cache-Control", java.util.List.of("no-store"));
        headers.putIfAbsent("X-Frame-Options", java.util.List.of("DENY"));
    }
}
