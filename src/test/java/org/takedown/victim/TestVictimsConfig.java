package org.takedown.victim;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** {@link VictimsConfig} for tests that build the victim classes without Quarkus. */
public record TestVictimsConfig(Path keyFile, boolean createKeyFile, boolean allowDramaRange) implements VictimsConfig {

    @Override
    public long maxFileBytes() {
        return 1 << 20;
    }

    @Override
    public Duration retention() {
        return Duration.ofDays(30);
    }

    @Override
    public List<String> revealRoles() {
        return List.of("officer");
    }
}
