package org.takedown.victim.protect;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.logging.Logger;
import org.takedown.victim.VictimsConfig;

/**
 * The keys victims' personal data is sealed and indexed under, read once from the key file at start-up so that a
 * missing or broken file stops the service before it accepts a list. The file holds one index key (the blind index must
 * not change, or duplicates and the suppression list stop matching) and any number of sealing keys by id, one of them
 * active: a new key is added and made active, and rows sealed under the old one still open.
 */
@Startup
@ApplicationScoped
public class PersonalDataKeys {

    private static final Logger LOG = Logger.getLogger(PersonalDataKeys.class);
    private static final Pattern KEY_ID = Pattern.compile("[a-z0-9-]{1,32}");
    private static final String FIRST_KEY_ID = "k1";

    private final Map<String, SecretKey> sealing = new LinkedHashMap<>();
    private SecretKey index;
    private String activeId;

    @Inject
    public PersonalDataKeys(VictimsConfig config) {
        Path file = config.keyFile();
        if (!Files.exists(file)) {
            if (!config.createKeyFile()) {
                throw new IllegalStateException("The personal-data key file " + file
                        + " does not exist: set TAKEDOWN_PERSONAL_DATA_KEY_FILE to a key file (docs/victims.md)");
            }
            create(file);
        }
        load(file);
    }

    /** The key new data is sealed under. */
    public String activeId() {
        return activeId;
    }

    /** The sealing key of this id; a row naming a key the file no longer holds cannot be opened. */
    SecretKey sealing(String id) {
        SecretKey key = sealing.get(id);
        if (key == null) {
            throw new UnreadablePersonalData(
                    "Personal data sealed under key '" + id + "', which the key file no longer holds");
        }
        return key;
    }

    SecretKey index() {
        return index;
    }

    private void load(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("The personal-data key file " + file + " cannot be read", e);
        }
        index = aesKey(file, "index", properties.getProperty("index"));
        for (String name : properties.stringPropertyNames()) {
            if (name.startsWith("key.")) {
                String id = name.substring("key.".length());
                if (!KEY_ID.matcher(id).matches()) {
                    throw new IllegalStateException(
                            "The personal-data key file " + file + " names a key '" + id + "': ids are a-z, 0-9 and -");
                }
                sealing.put(id, aesKey(file, name, properties.getProperty(name)));
            }
        }
        activeId = properties.getProperty("active", "").trim();
        if (!sealing.containsKey(activeId)) {
            throw new IllegalStateException("The personal-data key file " + file
                    + " must name its active key (active=<id>) among its key.<id> lines");
        }
    }

    private static SecretKey aesKey(Path file, String name, String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64 == null ? "" : base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The personal-data key file " + file + ": " + name + " is not base64");
        }
        if (bytes.length != 32) {
            throw new IllegalStateException(
                    "The personal-data key file " + file + ": " + name + " must be 32 bytes (256 bits), base64");
        }
        return new SecretKeySpec(bytes, "AES");
    }

    private static void create(Path file) {
        SecureRandom random = new SecureRandom();
        String text = "# Takedown personal-data keys (docs/victims.md). Keep this file secret, back it up with the"
                + " database:\n# without it no victim's number, address or name can be read again.\n"
                + "index=" + newKey(random) + "\n"
                + "key." + FIRST_KEY_ID + "=" + newKey(random) + "\n"
                + "active=" + FIRST_KEY_ID + "\n";
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            if (parent.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(
                        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
            try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                writer.write(text);
            }
        } catch (FileAlreadyExistsException e) {
            return; // another process of this installation created it first: use that one
        } catch (IOException e) {
            throw new UncheckedIOException("The personal-data key file " + file + " cannot be created", e);
        }
        LOG.warnf(
                "Created a personal-data key file at %s: victims' personal data is encrypted under it. Back it up with the"
                        + " database; production refuses to start without TAKEDOWN_PERSONAL_DATA_KEY_FILE",
                file.toAbsolutePath());
    }

    private static String newKey(SecureRandom random) {
        byte[] key = new byte[32];
        random.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
