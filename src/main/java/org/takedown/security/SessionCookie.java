package org.takedown.security;

/**
 * The console session cookie: {@code __Host-} prefixed (so it is bound to this host, path /, and Secure), HttpOnly
 * (no script reads it) and SameSite=Strict (no other site's page sends it). Browsers accept Secure cookies over TLS and
 * from {@code http://localhost}; elsewhere the console needs TLS (the Helm chart's officer Ingress is TLS-only).
 * No Max-Age: the browser forgets it when closed, and the server enforces the timeouts.
 */
public final class SessionCookie {

    public static final String NAME = "__Host-takedown-session";

    private SessionCookie() {}

    public static String set(String token) {
        return NAME + "=" + token + "; Path=/; Secure; HttpOnly; SameSite=Strict";
    }

    public static String clear() {
        return NAME + "=; Path=/; Secure; HttpOnly; SameSite=Strict; Max-Age=0";
    }
}
