package org.takedown.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import org.takedown.common.OfficerText;
import org.takedown.common.Problem;

/**
 * How the API is signed in to: {@code Authorization: Basic} with an embedded user's password, or
 * {@code Authorization: Bearer tdk_…} with an API token (other bearer tokens are left to OIDC). Checks are throttled per
 * user name and client ({@link AuthThrottle}) and passwords are hashed on a bounded pool ({@link PasswordCheck}). Every
 * refusal is a problem document: 401 with a Basic challenge, 429 with Retry-After when throttled, 503 with
 * Retry-After when the hashing pool is full.
 */
@ApplicationScoped
public class ApiAuthentication implements HttpAuthenticationMechanism {

    private static final String REFUSAL = "takedown.api.refusal";
    private static final String CHALLENGE = "Basic realm=\"Takedown API\", charset=\"UTF-8\"";
    private static final int MAX_CREDENTIALS = 1024;

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        if (!isApi(context)) {
            return Uni.createFrom().optional(Optional.empty());
        }
        String authorization = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null) {
            return Uni.createFrom().optional(Optional.empty());
        }
        String client = context.request().remoteAddress() == null
                ? "unknown"
                : context.request().remoteAddress().host();
        AuthenticationRequest credentials;
        if (authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            credentials = password(authorization.substring(6).strip(), client);
        } else if (authorization.regionMatches(
                true, 0, "Bearer " + ApiTokenService.PREFIX, 0, 7 + ApiTokenService.PREFIX.length())) {
            credentials = new ApiCredentials.Token(authorization.substring(7).strip(), client);
        } else {
            return Uni.createFrom().optional(Optional.empty());
        }
        if (credentials == null) {
            context.put(REFUSAL, new AuthenticationFailedException("malformed Basic credentials"));
            return Uni.createFrom().failure(new AuthenticationFailedException("malformed Basic credentials"));
        }
        return identities.authenticate(credentials).onFailure().invoke(failure -> context.put(REFUSAL, failure));
    }

    /** user:password, Base64; null when it is not that, or the name holds characters no user name has. */
    private static ApiCredentials.Password password(String encoded, String client) {
        if (encoded.length() > MAX_CREDENTIALS) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0 || OfficerText.refusal(decoded).isPresent()) {
            return null;
        }
        return new ApiCredentials.Password(decoded.substring(0, colon), decoded.substring(colon + 1), client);
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return isApi(context)
                ? Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", CHALLENGE))
                : Uni.createFrom().optional(Optional.empty());
    }

    /** Answers the API's refusals itself, so that each is a problem document with the right status. */
    @Override
    public Uni<Boolean> sendChallenge(RoutingContext context) {
        if (!isApi(context)) {
            return Uni.createFrom().item(false);
        }
        Object refusal = context.get(REFUSAL);
        Object why = refusal instanceof Throwable failure ? failure.getCause() : null;
        if (why instanceof ApiRefusal.Throttled throttled) {
            long seconds = Math.max(
                    1,
                    throttled.retryAfter().toSeconds() + (throttled.retryAfter().toMillisPart() > 0 ? 1 : 0));
            return answer(
                    context,
                    429,
                    "Too Many Requests",
                    "Too many failed sign-ins: try again in " + seconds + " s",
                    seconds);
        }
        if (why instanceof ApiRefusal.Busy) {
            return answer(
                    context,
                    503,
                    "Service Unavailable",
                    "Password checks are busy: try again shortly, or use an API token",
                    1);
        }
        context.response().putHeader("WWW-Authenticate", CHALLENGE);
        return answer(
                context,
                401,
                "Unauthorized",
                "Sign in with HTTP Basic (user name and password) or an API token (Bearer)",
                0);
    }

    private static Uni<Boolean> answer(
            RoutingContext context, int status, String title, String detail, long retryAfter) {
        if (context.response().ended()) {
            return Uni.createFrom().item(true);
        }
        JsonObject problem = new JsonObject()
                .put("type", "about:blank")
                .put("title", title)
                .put("status", status)
                .put("detail", detail);
        context.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        if (retryAfter > 0) {
            context.response().putHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
        }
        return Uni.createFrom()
                .completionStage(context.response().end(problem.encode()).toCompletionStage())
                .replaceWith(true);
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(ApiCredentials.Password.class, ApiCredentials.Token.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.AUTHORIZATION, "basic"));
    }

    /** After the console's mechanism (which answers only for console paths), before OIDC's. */
    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY * 4;
    }

    static boolean isApi(RoutingContext context) {
        String path = context.normalizedPath();
        return path.equals("/api") || path.startsWith("/api/");
    }
}
