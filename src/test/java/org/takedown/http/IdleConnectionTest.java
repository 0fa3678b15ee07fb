package org.takedown.http;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.takedown.support.Api;

/**
 * A client that announces a body and never sends it, or opens a connection and says nothing, is cut off after the idle
 * timeout on both doors (public and management), instead of holding a connection as long as it likes.
 */
@QuarkusTest
@TestProfile(IdleConnectionTest.ShortIdleTimeout.class)
class IdleConnectionTest {

    public static class ShortIdleTimeout implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.idle-timeout", "2s", "quarkus.management.idle-timeout", "2s");
        }
    }

    private static final int PORT = Integer.getInteger("quarkus.http.test-port", 8081);
    private static final int MANAGEMENT_PORT = 9001;

    @Test
    void aBodyThatNeverComesEndsTheConnectionOnThePublicPort() {
        assertClosedWithin(
                PORT,
                "POST /api/operations HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic " + Api.basic("officer1")
                        + "\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{\"name\":");
        assertClosedWithin(
                PORT,
                "POST /console/login HTTP/1.1\r\nHost: localhost\r\n"
                        + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 500\r\n\r\nusername=");
    }

    @Test
    void headersThatNeverEndEndTheConnectionOnBothPorts() {
        assertClosedWithin(PORT, "GET / HTTP/1.1\r\nHost: seized.example\r\n");
        assertClosedWithin(MANAGEMENT_PORT, "GET /q/health HTTP/1.1\r\nHost: localhost\r\n");
    }

    private static void assertClosedWithin(int port, String start) {
        assertTimeoutPreemptively(
                Duration.ofSeconds(10),
                () -> {
                    try (Socket socket = new Socket("127.0.0.1", port)) {
                        socket.setSoTimeout(15_000);
                        socket.getOutputStream().write(start.getBytes(StandardCharsets.ISO_8859_1));
                        socket.getOutputStream().flush();
                        InputStream in = socket.getInputStream();
                        long started = System.nanoTime();
                        try {
                            while (in.read() >= 0) {
                                // a 408 or any answer before the close is fine; the connection must end
                            }
                        } catch (SocketException reset) {
                            // closed by the server
                        }
                        assertTrue(
                                System.nanoTime() - started
                                        >= Duration.ofSeconds(1).toNanos(),
                                "closed by the idle timeout, not at once");
                    } catch (IOException e) {
                        throw new AssertionError(e);
                    }
                },
                "the server closed the connection within the idle timeout");
    }
}
