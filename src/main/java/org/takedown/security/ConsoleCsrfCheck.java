package org.takedown.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every state-changing console request carries its session's CSRF token in the {@code X-CSRF-Token} header (the
 * console's pages have htmx send it with every request); without it, or with another session's, the answer is 403 and
 * nothing changes. Sign-in has no session yet: it is refused when the browser says it comes from another site.
 */
public class ConsoleCsrfCheck {

    public static final String HEADER = "X-CSRF-Token";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    @Inject
    SecurityIdentity identity;

    @ServerRequestFilter
    public Optional<Response> check(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (SAFE.contains(request.getMethod()) || !(path.equals("/console") || path.startsWith("/console/"))) {
            return Optional.empty();
        }
        if (path.equals(ConsoleSessionMechanism.LOGIN_PATH)) {
            return crossSite(request) ? refuse("Sign-in from another site is refused") : Optional.empty();
        }
        String expected =
                identity.isAnonymous() ? null : identity.getAttribute(ConsoleSessionIdentityProvider.CSRF_TOKEN);
        String given = request.getHeaderString(HEADER);
        if (expected == null
                || given == null
                || !MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8))) {
            return refuse("The request lacks this session's CSRF token: reload the page and try again");
        }
        return Optional.empty();
    }

    /** Fetch metadata, which every current browser sends; Origin for the others. */
    private static boolean crossSite(ContainerRequestContext request) {
        String site = request.getHeaderString("Sec-Fetch-Site");
        if (site != null) {
            return !site.equals("same-origin") && !site.equals("none");
        }
        String origin = request.getHeaderString("Origin");
        String host = request.getHeaderString("Host");
        // "null": a sandboxed frame or a privacy-preserving browser; never the console's own sign-in page.
        return origin != null
                && (origin.equals("null")
                        || host == null
                        || !origin.replaceFirst("^https?://", "").equalsIgnoreCase(host));
    }

    private static Optional<Response> refuse(String message) {
        return Optional.of(Response.status(403)
                .type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
                .entity(message)
                .build());
    }
}
