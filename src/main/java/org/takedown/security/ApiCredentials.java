package org.takedown.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** Credentials of an API request, as {@link ApiAuthentication} read them, with the client address they came from. */
public sealed interface ApiCredentials {

    String client();

    /** {@code Authorization: Basic}: an embedded user's name and password. */
    final class Password extends BaseAuthenticationRequest implements ApiCredentials {
        private final String username;
        private final String password;
        private final String client;

        Password(String username, String password, String client) {
            this.username = username;
            this.password = password;
            this.client = client;
        }

        String username() {
            return username;
        }

        String password() {
            return password;
        }

        @Override
        public String client() {
            return client;
        }
    }

    /** {@code Authorization: Bearer tdk_…}: an API token. */
    final class Token extends BaseAuthenticationRequest implements ApiCredentials {
        private final String secret;
        private final String client;

        Token(String secret, String client) {
            this.secret = secret;
            this.client = client;
        }

        String secret() {
            return secret;
        }

        @Override
        public String client() {
            return client;
        }
    }
}
