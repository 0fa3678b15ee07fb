package org.takedown.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * CPU time of a process, from {@code /proc} (Linux), for benchmarks that say where a run's time went: the process's
 * own user and system time, and optionally what its children, living or reaped, have used (a PostgreSQL server's work
 * is done by its backends).
 */
public final class ProcessCpu {

    /** Clock ticks per second of {@code /proc/<pid>/stat}'s times: 100 on every Linux this runs on. */
    private static final double TICKS = 100;

    private ProcessCpu() {}

    /** CPU seconds used so far by the process, with its children's when asked. */
    public static double seconds(long pid, boolean withChildren) throws IOException {
        String[] fields = stat(pid);
        double ticks = Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
        if (withChildren) {
            ticks += Long.parseLong(fields[15]) + Long.parseLong(fields[16]); // children already reaped
            try (Stream<ProcessHandle> children =
                    ProcessHandle.of(pid).orElseThrow().children()) {
                for (ProcessHandle child : children.toList()) {
                    ticks += seconds(child.pid(), false) * TICKS;
                }
            }
        }
        return ticks / TICKS;
    }

    /**
     * CPU seconds used so far by each kind of thread of the process, by name with its number taken off (the JIT's
     * compiler threads, the garbage collector's, a pool's workers), from {@code /proc/<pid>/task}.
     */
    public static Map<String, Double> byThread(long pid) throws IOException {
        Map<String, Double> seconds = new TreeMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String name = Files.readString(task.resolve("comm")).strip().replaceAll("[-#]?\\d+$", "");
                    String[] fields = stat(task.resolve("stat"));
                    double used = (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) / TICKS;
                    seconds.merge(name, used, Double::sum);
                } catch (IOException e) {
                    // the thread ended while being read
                }
            }
        }
        return seconds;
    }

    /** What each kind of thread used between two {@link #byThread} readings, the largest first. */
    public static String spent(Map<String, Double> before, Map<String, Double> after, int kinds) {
        return after.entrySet().stream()
                .map(kind -> Map.entry(kind.getKey(), kind.getValue() - before.getOrDefault(kind.getKey(), 0.0)))
                .filter(kind -> kind.getValue() > 0)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(kinds)
                .map(kind -> String.format("%s %.1f s", kind.getKey(), kind.getValue()))
                .collect(Collectors.joining(", "));
    }

    /** The PostgreSQL server (postmaster) listening on the port, found among this machine's processes. */
    public static long postgresServer(int port) {
        try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
            return all.filter(process -> process.info()
                            .commandLine()
                            .filter(line -> line.contains("bin/postgres") && line.contains("-p " + port))
                            .isPresent())
                    .mapToLong(ProcessHandle::pid)
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no PostgreSQL server on port " + port));
        }
    }

    /** The fields after the command's name (which may hold spaces), numbered as in proc(5) from field 3 at [2]. */
    private static String[] stat(long pid) throws IOException {
        return stat(Path.of("/proc/" + pid + "/stat"));
    }

    private static String[] stat(Path file) throws IOException {
        String line = Files.readString(file);
        String rest = line.substring(line.lastIndexOf(')') + 2);
        String[] tail = rest.split(" ");
        String[] fields = new String[tail.length + 2];
        System.arraycopy(tail, 0, fields, 2, tail.length);
        return fields;
    }
}
