package org.takedown.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * wrk on loopback: one single-threaded wrk per URL, all at the same time, the connections split evenly. Measure every
 * side with the same number of URLs (the same one twice for a single server), so every figure comes from the same
 * load generator: one wrk process with two threads saturates before two replicas do.
 */
public record Wrk(String url, String host, int connections, String duration) {

    public record Result(double rps, double p99Millis, long errors) {}

    public static Result together(List<String> urls, String host, int connections, String duration) throws Exception {
        List<Running> running = new ArrayList<>();
        for (String url : urls) {
            running.add(new Wrk(url, host, connections / urls.size(), duration).start());
        }
        double rps = 0;
        double p99 = 0;
        long errors = 0;
        for (Running wrk : running) {
            Result result = wrk.finish();
            rps += result.rps();
            p99 = Math.max(p99, result.p99Millis());
            errors += result.errors();
        }
        return new Result(rps, p99, errors);
    }

    Running start() throws IOException {
        Path out = Files.createTempFile("wrk", ".txt");
        Process process = new ProcessBuilder(
                        "wrk", "-t1", "-c" + connections, "-d" + duration, "--latency", "-H", "Host: " + host, url)
                .redirectErrorStream(true)
                .redirectOutput(out.toFile())
                .start();
        return new Running(process, out);
    }

    record Running(Process process, Path out) {

        Result finish() throws Exception {
            assertTrue(process.waitFor(5, TimeUnit.MINUTES), "wrk did not finish");
            List<String> lines = Files.readAllLines(out);
            Files.delete(out);
            double rps = 0;
            double p99 = 0;
            long errors = 0;
            for (String line : lines) {
                String[] words = line.trim().split("[\\s,]+");
                if (line.startsWith("Requests/sec:")) {
                    rps = Double.parseDouble(words[1]);
                } else if (words[0].equals("99%")) {
                    p99 = millis(words[1]);
                } else if (line.contains("Non-2xx")) {
                    errors += Long.parseLong(words[words.length - 1]);
                } else if (line.trim().startsWith("Socket errors")) {
                    for (int i = 3; i < words.length; i += 2) {
                        errors += Long.parseLong(words[i]);
                    }
                }
            }
            assertTrue(rps > 0, "wrk printed no rate: " + lines);
            return new Result(rps, p99, errors);
        }

        private static double millis(String latency) {
            if (latency.endsWith("us")) {
                return Double.parseDouble(latency.substring(0, latency.length() - 2)) / 1000;
            }
            if (latency.endsWith("ms")) {
                return Double.parseDouble(latency.substring(0, latency.length() - 2));
            }
            return Double.parseDouble(latency.substring(0, latency.length() - 1)) * 1000;
        }
    }
}
