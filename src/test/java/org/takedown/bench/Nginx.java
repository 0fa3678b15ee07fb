package org.takedown.bench;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.RestAssured;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** nginx on a free loopback port serving one page with the banner's security headers: the reference. */
public record Nginx(Path directory, int port) implements AutoCloseable {

    public static Nginx serving(byte[] page) throws Exception {
        Path directory = Files.createTempDirectory("scale-bench-nginx");
        Files.write(directory.resolve("index.html"), page);
        directory.toFile().setReadable(true, false); // nginx workers run unprivileged
        directory.toFile().setExecutable(true, false);
        directory.resolve("index.html").toFile().setReadable(true, false);
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Files.writeString(directory.resolve("nginx.conf"), """
                worker_processes auto;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log warn;
                events { worker_connections 4096; }
                http {
                  access_log off;
                  sendfile on;
                  keepalive_requests 1000000;
                  server_tokens off;
                  server {
                    listen 127.0.0.1:%2$d default_server backlog=4096;
                    root %1$s;
                    location / {
                      default_type "text/html; charset=utf-8";
                      add_header Content-Security-Policy "default-src 'none'; style-src 'self'; img-src 'self'" always;
                      add_header X-Content-Type-Options nosniff always;
                      add_header Referrer-Policy no-referrer always;
                      add_header X-Frame-Options DENY always;
                      add_header Cache-Control no-cache always;
                      try_files /index.html =404;
                    }
                  }
                }
                """.formatted(directory, port));
        Process start = new ProcessBuilder(
                        "nginx", "-c", directory.resolve("nginx.conf").toString())
                .inheritIO()
                .start();
        assertEquals(0, start.waitFor(), "nginx did not start");
        Nginx nginx = new Nginx(directory, port);
        await().atMost(Duration.ofSeconds(10))
                .ignoreExceptions()
                .until(() -> RestAssured.given()
                                .baseUri("http://127.0.0.1")
                                .port(port)
                                .get("/")
                                .statusCode()
                        == 200);
        return nginx;
    }

    public String url() {
        return "http://127.0.0.1:" + port + "/";
    }

    @Override
    public void close() throws Exception {
        new ProcessBuilder("nginx", "-c", directory.resolve("nginx.conf").toString(), "-s", "quit")
                .inheritIO()
                .start()
                .waitFor();
    }
}
