package org.takedown.victim.protect;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Seals victims' personal data with AES-256-GCM: a random 96-bit nonce per value, and the value's purpose (e.g.
 * {@code victim.phone}) as associated data, so a sealed phone number copied into the name column does not open. The
 * text form is {@code <key id>:<base64 of nonce, ciphertext and tag>}: the key id lets keys rotate.
 */
@ApplicationScoped
public class PersonalDataCipher {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    // Per thread: an import seals four values a row on several threads, and the JDK's default SecureRandom and the
    // provider lookup of Cipher.getInstance both serialise on shared locks.
    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(() -> {
        try {
            return SecureRandom.getInstance("DRBG"); // its own state: NativePRNG instances share one lock
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The DRBG random generator is not available", e);
        }
    });
    private static final ThreadLocal<Cipher> AES_GCM = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    });

    @Inject
    PersonalDataKeys keys;

    /** A value sealed under a key: the bytes are the nonce, the ciphertext and the tag. */
    public record Sealed(String keyId, byte[] bytes) {}

    public Sealed seal(String purpose, byte[] clear) {
        String keyId = keys.activeId();
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.get().nextBytes(nonce);
        try {
            Cipher cipher = AES_GCM.get();
            cipher.init(Cipher.ENCRYPT_MODE, keys.sealing(keyId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(clear);
            return new Sealed(
                    keyId,
                    ByteBuffer.allocate(NONCE_BYTES + sealed.length)
                            .put(nonce)
                            .put(sealed)
                            .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    public byte[] open(String purpose, Sealed sealed) {
        byte[] bytes = sealed.bytes();
        try {
            Cipher cipher = AES_GCM.get();
            cipher.init(
                    Cipher.DECRYPT_MODE,
                    keys.sealing(sealed.keyId()),
                    new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            // a wrong key, a value moved to another column, or a changed byte: never opened
            throw new UnreadablePersonalData("Sealed " + purpose + " does not open under key " + sealed.keyId());
        }
    }

    /** Text in, {@code <key id>:<base64>} out; null stays null. */
    public String sealText(String purpose, String clear) {
        if (clear == null) {
            return null;
        }
        Sealed sealed = seal(purpose, clear.getBytes(StandardCharsets.UTF_8));
        return sealed.keyId() + ":" + Base64.getEncoder().encodeToString(sealed.bytes());
    }

    public String openText(String purpose, String sealedText) {
        if (sealedText == null) {
            return null;
        }
        int colon = sealedText.indexOf(':');
        if (colon < 1) {
            throw new UnreadablePersonalData("Sealed " + purpose + " has no key id");
        }
        Sealed sealed =
                new Sealed(sealedText.substring(0, colon), Base64.getDecoder().decode(sealedText.substring(colon + 1)));
        return new String(open(purpose, sealed), StandardCharsets.UTF_8);
    }
}
