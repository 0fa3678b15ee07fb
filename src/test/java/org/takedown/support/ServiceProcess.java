package org.takedown.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The packaged service ({@code target/quarkus-app}, built by {@code ./mvnw package}) as a process of its own, started
 * the way production starts it (prod profile, configuration from the environment and system properties): what a
 * benchmark measures is then the service alone, not the test JVM around it. Its output goes to
 * {@code target/<name>.log}.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final Path APP = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private static final HttpClient PROBE =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final Path log;
    private final int httpPort;
    private final int managementPort;

    private ServiceProcess(Process process, Path log, int httpPort, int managementPort) {
        this.process = process;
        this.log = log;
        this.httpPort = httpPort;
        this.managementPort = managementPort;
    }

    /**
     * Starts the service on free ports and waits until it reports ready. {@code environment} carries what production
     * passes as environment variables (database URL and credentials); {@code config} is set as system properties.
     */
    public static ServiceProcess start(
            String name, List<String> jvmOptions, Map<String, String> environment, Map<String, String> config) {
        if (!Files.isRegularFile(APP)) {
            throw new IllegalStateException(APP + " is missing: run ./mvnw package -DskipTests first");
        }
        int httpPort = freePort();
        int managementPort = freePort();
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmOptions);
        command.add("-Dquarkus.http.port=" + httpPort);
        command.add("-Dquarkus.management.port=" + managementPort);
        config.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(APP.toString());
        Path log = Path.of("target", name + ".log");
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        try {
            ServiceProcess service = new ServiceProcess(builder.start(), log, httpPort, managementPort);
            service.awaitReady(Duration.ofMinutes(2));
            return service;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int httpPort() {
        return httpPort;
    }

    public int managementPort() {
        return managementPort;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** One readiness probe, as Kubernetes would send it (false when it fails, times out or cannot connect). */
    public boolean isReady() {
        try {
            return PROBE.send(readiness(), HttpResponse.BodyHandlers.discarding())
                            .statusCode()
                    == 200;
        } catch (IOException notAnswering) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private HttpRequest readiness() {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5))
                .build();
    }

    public long pid() {
        return process.pid();
    }

    /** The process's peak resident set size (VmHWM), in MB. */
    public long peakRssMb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D+", "")) >> 10;
            }
        }
        throw new IllegalStateException("no VmHWM for process " + process.pid());
    }

    /** What the service has written so far (stdout and stderr). */
    public List<String> logLines() throws IOException {
        return Files.readAllLines(log);
    }

    private void awaitReady(Duration limit) {
        try {
            await().atMost(limit).pollInterval(Duration.ofMillis(200)).until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException(
                            "the service exited with " + process.exitValue() + " before it was ready:\n" + logTail());
                }
                return isReady();
            });
        } catch (ConditionTimeoutException e) {
            close();
            throw new IllegalStateException("the service was not ready within " + limit + ":\n" + logTail());
        }
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** SIGTERM; true when the process exited within {@code limit}. */
    public boolean terminate(Duration limit) throws InterruptedException {
        process.destroy();
        return process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** SIGKILL ({@code kill -9}): no shutdown hook runs, nothing is released. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** SIGTERM, then SIGKILL if it has not stopped within 30 s. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
