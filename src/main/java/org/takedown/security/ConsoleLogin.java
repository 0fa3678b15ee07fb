package org.takedown.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.takedown.logging.LogValueEscaping;

/**
 * Console sign-in with an embedded user's password (checked by the same identity provider as the API's HTTP Basic)
 * and sign-out. Both are audited (by {@link ConsoleSessions}); a failed attempt is logged, not audited (it names no
 * officer for certain).
 */
@ApplicationScoped
public class ConsoleLogin {

    private static final Logger LOG = Logger.getLogger(ConsoleLogin.class);
    private static final int MAX_FIELD = 256;

    @Inject
    IdentityProviderManager identities;
    @Inject
    ConsoleSessions sessions;

    /** A new session for these credentials, or empty when they are wrong (the same answer for an unknown user). */
    public Optional<ConsoleSessions.Opened> login(String username, String password) {
        if (username == null || password == null || username.isBlank() || username.length() > MAX_FIELD || password.length() > MAX_FIELD) {
            return Optional.empty();
        }
        SecurityIdentity identity;
        try {
            identity = identities.authenticateBlocking(new UsernamePasswordAuthenticationRequest(username.strip(),
                    new io.quarkus.security.credential.PasswordCredential(password.toCharArray())));
        } catch (AuthenticationFailedException wrong) {
            LOG.warnf("Console sign-in refused for '%s'", LogValueEscaping.escape(username));
            return Optional.empty();
        }
        return Optional.of(sessions.open(identity.getPrincipal().getName()));
    }

    public void logout(SecurityIdentity identity) {
        String token = identity.getAttribute(ConsoleSessionIdentityProvider.SESSION_TOKEN);
        if (token != null) {
            sessions.close(token);
        }
    }
}
