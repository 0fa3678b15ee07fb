package org.takedown.security;

import io.quarkus.security.AuthenticationFailedException;
import java.time.Duration;

/**
 * Why API credentials were not even checked, carried as the cause of the {@link AuthenticationFailedException} that
 * refuses them; {@link ApiAuthentication} answers each with its own status.
 */
abstract sealed class ApiRefusal extends RuntimeException {

    ApiRefusal(String message) {
        super(message, null, false, false);
    }

    AuthenticationFailedException refusal() {
        return new AuthenticationFailedException(getMessage(), this);
    }

    /** Too many recent failures for this user name or from this client: 429 with Retry-After. */
    static final class Throttled extends ApiRefusal {
        private final Duration retryAfter;

        Throttled(Duration retryAfter) {
            super("too many failed attempts");
            this.retryAfter = retryAfter;
        }

        Duration retryAfter() {
            return retryAfter;
        }
    }

    /** Every password-hashing thread is busy and the queue is full: 503 with Retry-After. */
    static final class Busy extends ApiRefusal {
        Busy() {
            super("password checks are busy");
        }
    }
}
