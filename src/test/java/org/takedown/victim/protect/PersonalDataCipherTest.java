package org.takedown.victim.protect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.takedown.victim.TestVictimsConfig;

class PersonalDataCipherTest {

    @TempDir
    Path dir;

    private PersonalDataCipher cipher(Path keyFile) {
        PersonalDataCipher cipher = new PersonalDataCipher();
        cipher.keys = new PersonalDataKeys(new TestVictimsConfig(keyFile, true, false));
        return cipher;
    }

    @Test
    void aSealedValueOpensToWhatWasSealedAndNeverRepeatsItsBytes() {
        PersonalDataCipher cipher = cipher(dir.resolve("keys"));
        String first = cipher.sealText("victim.phone", "+447700900123");
        String second = cipher.sealText("victim.phone", "+447700900123");
        assertNotEquals(first, second, "a random nonce per value: equal numbers do not give equal ciphertexts");
        assertTrue(first.startsWith("k1:"), first);
        assertFalse(first.contains("7700900123"));
        assertEquals("+447700900123", cipher.openText("victim.phone", first));
        assertEquals("+447700900123", cipher.openText("victim.phone", second));
    }

    @Test
    void theSealIsStandardAesGcmUnderTheFilesKey() throws Exception {
        Path file = dir.resolve("keys");
        PersonalDataCipher cipher = cipher(file);
        String sealed = cipher.sealText("victim.name", "Jane Smith");
        // opened with the JDK's cipher and the key read from the file by hand, as another tool would
        String key = Files.readAllLines(file).stream()
                .filter(line -> line.startsWith("key.k1="))
                .findFirst()
                .orElseThrow()
                .substring("key.k1=".length());
        byte[] bytes = Base64.getDecoder().decode(sealed.substring(3));
        Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
        aes.init(
                Cipher.DECRYPT_MODE,
                new SecretKeySpec(Base64.getDecoder().decode(key), "AES"),
                new GCMParameterSpec(128, bytes, 0, 12));
        aes.updateAAD("victim.name".getBytes(StandardCharsets.UTF_8));
        assertEquals("Jane Smith", new String(aes.doFinal(bytes, 12, bytes.length - 12), StandardCharsets.UTF_8));
    }

    @Test
    void aValueMovedToAnotherColumnOrChangedByOneBitDoesNotOpen() {
        PersonalDataCipher cipher = cipher(dir.resolve("keys"));
        String phone = cipher.sealText("victim.phone", "+447700900123");
        assertThrows(UnreadablePersonalData.class, () -> cipher.openText("victim.name", phone));
        byte[] bytes = Base64.getDecoder().decode(phone.substring(3));
        bytes[20] ^= 1;
        String changed = "k1:" + Base64.getEncoder().encodeToString(bytes);
        assertThrows(UnreadablePersonalData.class, () -> cipher.openText("victim.phone", changed));
        UnreadablePersonalData gone = assertThrows(
                UnreadablePersonalData.class, () -> cipher.openText("victim.phone", "k9:" + phone.substring(3)));
        assertTrue(gone.getMessage().contains("no longer holds"), gone.getMessage());
    }

    @Test
    void aNewActiveKeySealsNewValuesAndOldOnesStillOpen() throws Exception {
        Path file = dir.resolve("keys");
        String old = cipher(file).sealText("victim.email", "jane@example.org");
        byte[] newKey = new byte[32];
        newKey[0] = 7;
        String rotated = Files.readString(file).replace("active=k1", "active=k2") + "key.k2="
                + Base64.getEncoder().encodeToString(newKey) + "\n";
        Files.writeString(file, rotated);
        PersonalDataCipher after = cipher(file);
        assertEquals("jane@example.org", after.openText("victim.email", old));
        String fresh = after.sealText("victim.email", "jane@example.org");
        assertTrue(fresh.startsWith("k2:"), fresh);
        assertEquals("jane@example.org", after.openText("victim.email", fresh));
    }

    @Test
    void theEmbeddedDefaultCreatesAKeyFileOnlyItsUserCanRead() throws Exception {
        Path file = dir.resolve("data").resolve("personal-data.keys");
        cipher(file);
        assertTrue(Files.exists(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        String text = Files.readString(file);
        assertTrue(text.contains("index=") && text.contains("key.k1=") && text.contains("active=k1"), text);
        // a second start keeps the key, or nothing sealed before could be read
        String sealed = cipher(file).sealText("victim.phone", "+447700900123");
        assertEquals(text, Files.readString(file));
        assertEquals("+447700900123", cipher(file).openText("victim.phone", sealed));
    }

    @Test
    void withoutAKeyFileProductionRefusesToStartAndSaysWhatToSet() {
        Path missing = dir.resolve("nowhere.keys");
        IllegalStateException refused = assertThrows(
                IllegalStateException.class, () -> new PersonalDataKeys(new TestVictimsConfig(missing, false, false)));
        assertTrue(refused.getMessage().contains("TAKEDOWN_PERSONAL_DATA_KEY_FILE"), refused.getMessage());
        assertFalse(Files.exists(missing));
    }

    @Test
    void aBrokenKeyFileIsRefusedWithItsFault() throws Exception {
        Path file = dir.resolve("keys");
        String key = Base64.getEncoder().encodeToString(new byte[32]);
        Files.writeString(
                file,
                "index=" + key + "\nkey.k1=" + Base64.getEncoder().encodeToString(new byte[16]) + "\nactive=k1\n");
        IllegalStateException shortKey = assertThrows(
                IllegalStateException.class, () -> new PersonalDataKeys(new TestVictimsConfig(file, false, false)));
        assertTrue(shortKey.getMessage().contains("key.k1 must be 32 bytes"), shortKey.getMessage());
        Files.writeString(file, "index=" + key + "\nkey.k1=" + key + "\nactive=k9\n");
        IllegalStateException noActive = assertThrows(
                IllegalStateException.class, () -> new PersonalDataKeys(new TestVictimsConfig(file, false, false)));
        assertTrue(noActive.getMessage().contains("active key"), noActive.getMessage());
        Files.writeString(file, "key.k1=" + key + "\nactive=k1\n");
        IllegalStateException noIndex = assertThrows(
                IllegalStateException.class, () -> new PersonalDataKeys(new TestVictimsConfig(file, false, false)));
        assertTrue(noIndex.getMessage().contains("index must be 32 bytes"), noIndex.getMessage());
    }

    @Test
    void theBlindIndexMatchesEqualValuesOnlyWithinOnePurposeAndOneKey() {
        BlindIndex index = new BlindIndex();
        index.keys = new PersonalDataKeys(new TestVictimsConfig(dir.resolve("a"), true, false));
        BlindIndex other = new BlindIndex();
        other.keys = new PersonalDataKeys(new TestVictimsConfig(dir.resolve("b"), true, false));
        String phone = index.of("victim.phone", "+447700900123");
        assertEquals(64, phone.length());
        assertEquals(phone, index.of("victim.phone", "+447700900123"));
        assertNotEquals(phone, index.of("victim.phone", "+447700900124"));
        assertNotEquals(phone, index.of("victim.email", "+447700900123"));
        assertNotEquals(phone, other.of("victim.phone", "+447700900123"), "another installation's key: no match");
    }
}
