package org.takedown.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.takedown.victim.TestVictimsConfig;
import org.takedown.victim.protect.PersonalDataKeys;

/** A fresh personal-data key file for a service process started in the production profile. */
public final class PersonalDataKeyFile {

    private PersonalDataKeyFile() {}

    public static String create() {
        try {
            Path file = Files.createTempDirectory("takedown-keys").resolve("personal-data.keys");
            new PersonalDataKeys(new TestVictimsConfig(file, true, false));
            return file.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
