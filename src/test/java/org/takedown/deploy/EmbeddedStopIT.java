package org.takedown.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The embedded default as the README runs it (H2 under ./data, demo operation), started from an empty directory and
 * stopped with SIGTERM, as Ctrl-C or a service manager stops it: it stops in order (Quartz and the dispatcher before
 * the database), logs no ERROR line and exits with status 0; started again on the same data, the same.
 */
class EmbeddedStopIT {

    private static final Path APP =
            Path.of("target", "embedded-app", "quarkus-run.jar").toAbsolutePath();

    @Test
    void aStoppedEmbeddedServiceStopsCleanlyAndStartsAgainOnItsData() throws Exception {
        assertTrue(Files.isRegularFile(APP), "no embedded build at " + APP + ": run ./mvnw verify");
        Path work = Files.createTempDirectory("takedown-embedded");
        List<String> first = runAndStop(work, "first");
        assertTrue(
                first.stream().anyMatch(line -> line.contains("created user 'admin' with password")),
                String.join("\n", first));
        List<String> second = runAndStop(work, "second");
        assertTrue(
                second.stream().noneMatch(line -> line.contains("created user 'admin'")), "the admin exists already");
    }

    private static List<String> runAndStop(Path work, String name) throws Exception {
        int http = freePort();
        int management = freePort();
        Path output = work.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", APP.toString())
                .directory(work.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment()
                .keySet()
                .removeIf(variable -> variable.startsWith("TAKEDOWN_") || variable.startsWith("QUARKUS_"));
        builder.environment().put("TAKEDOWN_HTTP_PORT", Integer.toString(http));
        builder.environment().put("TAKEDOWN_MANAGEMENT_PORT", Integer.toString(management));
        Process process = builder.start();
        try {
            HttpClient client = HttpClient.newHttpClient();
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            boolean ready = false;
            while (!ready && System.nanoTime() < deadline && process.isAlive()) {
                try {
                    ready = client.send(
                                            HttpRequest.newBuilder(URI.create(
                                                            "http://127.0.0.1:" + management + "/q/health/ready"))
                                                    .build(),
                                            HttpResponse.BodyHandlers.discarding())
                                    .statusCode()
                            == 200;
                } catch (IOException notYet) {
                    Thread.sleep(500);
                }
            }
            assertTrue(ready, "ready: " + Files.readString(output));
            Thread.sleep(2_000); // the dispatcher, Quartz and the banner snapshot are running
            process.destroy(); // SIGTERM
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "stopped within a minute");
        } finally {
            process.destroyForcibly();
        }
        List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
        assertTrue(
                lines.stream().noneMatch(line -> line.contains(" ERROR ")),
                "no ERROR line:\n" + String.join("\n", lines));
        assertEquals(0, process.exitValue(), "exit status 0:\n" + String.join("\n", lines));
        return lines;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
