package org.takedown.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Collection;
import java.util.Set;

/**
 * Turns API credentials into an identity: throttled first (no check at all past the limits), then the password on the
 * bounded hashing pool or the token by its SHA-256. Every failure counts towards the throttle.
 */
final class ApiIdentityProviders {

    /** The identity attribute saying how an API request was authenticated: {@code password} or {@code token}. */
    static final String VIA = "takedown.api.via";

    private ApiIdentityProviders() {}

    @ApplicationScoped
    static class Passwords implements IdentityProvider<ApiCredentials.Password> {

        @Inject
        AuthThrottle throttle;

        @Inject
        PasswordCheck passwords;

        @Override
        public Class<ApiCredentials.Password> getRequestType() {
            return ApiCredentials.Password.class;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(
                ApiCredentials.Password request, AuthenticationRequestContext context) {
            // On a worker thread (the throttle may audit), which waits for the hashing pool: at most the pool and its
            // queue's worth of them wait.
            return context.runBlocking(() -> {
                Duration wait = throttle.wait(request.username(), request.client());
                if (!wait.isZero()) {
                    throw new ApiRefusal.Throttled(wait).refusal();
                }
                PasswordCheck.Result result = passwords
                        .check(PasswordCheck.Door.API, request.username(), request.password())
                        .toCompletableFuture()
                        .join();
                if (result instanceof PasswordCheck.Result.Verified verified) {
                    throttle.succeeded(request.username(), request.client());
                    return identity(verified.username(), verified.roles(), "password");
                }
                if (result instanceof PasswordCheck.Result.Busy) {
                    throw new ApiRefusal.Busy().refusal();
                }
                throttle.failed(request.username(), request.client());
                throw new AuthenticationFailedException("wrong user name or password");
            });
        }
    }

    @ApplicationScoped
    static class Tokens implements IdentityProvider<ApiCredentials.Token> {

        @Inject
        AuthThrottle throttle;

        @Inject
        ApiTokenService tokens;

        @Override
        public Class<ApiCredentials.Token> getRequestType() {
            return ApiCredentials.Token.class;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(ApiCredentials.Token request, AuthenticationRequestContext context) {
            return context.runBlocking(() -> {
                Duration wait = throttle.wait(null, request.client());
                if (!wait.isZero()) {
                    throw new ApiRefusal.Throttled(wait).refusal();
                }
                return tokens.resolve(request.secret())
                        .map(bearer -> identity(bearer.username(), bearer.roles(), "token"))
                        .orElseGet(() -> {
                            if (!tokens.exists(request.secret())) {
                                throttle.failed(
                                        null, request.client()); // a guess; an expired or revoked token is not one
                            }
                            throw new AuthenticationFailedException("unknown, expired or revoked API token");
                        });
            });
        }
    }

    static SecurityIdentity identity(String username, Collection<String> roles, String via) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(username))
                .addRoles(Set.copyOf(roles))
                .addAttribute(VIA, via)
                .build();
    }
}
