package org.takedown.victim;

import java.nio.file.Path;

/** {@link VictimsConfig} for tests that build the victim classes without Quarkus. */
public record TestVictimsConfig(Path keyFile, boolean createKeyFile, boolean allowDramaRange) implements VictimsConfig {

    @Override
    public long maxFileBytes() {
        return 1 << 20;
    }
}
