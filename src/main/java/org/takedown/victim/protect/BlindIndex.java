package org.takedown.victim.protect;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;

/**
 * A keyed hash of a normalised value (HMAC-SHA256 under the index key), so that duplicates and the suppression list
 * are found without the clear value, and a stolen database cannot be searched for a number without the key. The
 * purpose is part of what is hashed: a phone number and an email address never share an index value.
 */
@ApplicationScoped
public class BlindIndex {

    private static final ThreadLocal<Mac> HMAC = ThreadLocal.withInitial(() -> {
        try {
            return Mac.getInstance("HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    });

    @Inject
    PersonalDataKeys keys;

    /** 64 hex characters. */
    public String of(String purpose, String normalised) {
        try {
            Mac mac = HMAC.get(); // per thread: a Mac is not safe to share
            mac.init(keys.index());
            mac.update(purpose.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return HexFormat.of().formatHex(mac.doFinal(normalised.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
