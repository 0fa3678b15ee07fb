package org.takedown;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;
import java.util.jar.Manifest;
import org.takedown.common.RequiredSettings;

/**
 * Starts Takedown, and stops it cleanly on SIGTERM or SIGINT. In the production profile it first checks the settings the service cannot run without
 * ({@link RequiredSettings}) and, if any is missing, says so in one line each and exits with status 1 — instead of a
 * stack trace from whichever part fails first.
 */
@QuarkusMain
public final class TakedownMain {

    private TakedownMain() {}

    public static void main(String... args) {
        if ("prod".equals(profile())) {
            List<String> missing = RequiredSettings.missing(lookup());
            if (!missing.isEmpty()) {
                missing.forEach(System.err::println);
                System.exit(1);
            }
        }
        Quarkus.run(Running.class, args);
    }

    /** The service once started: it waits for a stop, which SIGTERM and SIGINT now ask for cleanly. */
    public static class Running implements QuarkusApplication {
        @Override
        public int run(String... args) {
            stopCleanlyOn("TERM");
            stopCleanlyOn("INT");
            Quarkus.waitForExit();
            return 0;
        }
    }

    /**
     * Once started, SIGTERM (a service manager, Kubernetes) and SIGINT (Ctrl-C, also under {@code quarkus:run}) stop the
     * service in order and end with status 0, as a requested stop is not a failure; the JVM's own handling would report
     * 143/130. (During start-up the JVM's handling applies: a stop then is not a clean one.)
     */
    @SuppressWarnings("restriction")
    private static void stopCleanlyOn(String signal) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal(signal), received -> Quarkus.asyncExit(0));
        } catch (IllegalArgumentException unsupported) {
            // not a signal on this platform: the JVM's default applies
        }
    }

    /** As Quarkus decides it: -Dquarkus.profile, QUARKUS_PROFILE, else the profile the application was built with. */
    private static String profile() {
        String chosen = System.getProperty("quarkus.profile", System.getenv("QUARKUS_PROFILE"));
        if (chosen != null && !chosen.isBlank()) {
            return chosen.strip();
        }
        return builtWith().orElse("prod");
    }

    /** The Takedown-Build-Profile the runner jar's manifest carries (application.properties puts it there). */
    private static Optional<String> builtWith() {
        try {
            Enumeration<URL> manifests = TakedownMain.class.getClassLoader().getResources("META-INF/MANIFEST.MF");
            while (manifests.hasMoreElements()) {
                try (InputStream in = manifests.nextElement().openStream()) {
                    String profile = new Manifest(in).getMainAttributes().getValue("Takedown-Build-Profile");
                    if (profile != null && !profile.isBlank()) {
                        return Optional.of(profile.strip());
                    }
                }
            }
        } catch (IOException e) {
            // no manifest to read: the default profile
        }
        return Optional.empty();
    }

    /** System properties, the environment, then the files Quarkus also reads in the working directory. */
    private static Function<String, String> lookup() {
        Properties files = new Properties();
        for (Path file : List.of(Path.of(".env"), Path.of("config", "application.properties"))) {
            if (Files.isReadable(file)) {
                try (Reader reader = Files.newBufferedReader(file)) {
                    files.load(reader);
                } catch (IOException e) {
                    // unreadable: Quarkus will say so itself
                }
            }
        }
        return name -> {
            String value = System.getProperty(name);
            if (value == null) {
                value = System.getenv(name);
            }
            if (value == null) {
                value = files.getProperty(name, files.getProperty("%prod." + name));
            }
            return value;
        };
    }
}
