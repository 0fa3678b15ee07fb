package org.takedown.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** The console session token from the browser's cookie, to be resolved into an identity. */
public class ConsoleSessionRequest extends BaseAuthenticationRequest {

    private final String token;

    public ConsoleSessionRequest(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }
}
