package org.takedown.victim.list;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import org.takedown.victim.protect.PersonalDataCipher;
import org.takedown.victim.protect.Purpose;

/** Opens a victim's sealed values in memory; who may see them, and the log of it, are the callers' business. */
@ApplicationScoped
class VictimOpener {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, String>> FIELDS = new TypeReference<>() {};

    @Inject
    PersonalDataCipher cipher;

    RevealedVictim open(Victim victim) {
        return new RevealedVictim(
                victim.id,
                phone(victim),
                cipher.openText(Purpose.EMAIL, victim.email),
                name(victim),
                victim.language,
                fields(victim));
    }

    String phone(Victim victim) {
        return cipher.openText(Purpose.PHONE, victim.phone);
    }

    String name(Victim victim) {
        return cipher.openText(Purpose.NAME, victim.name);
    }

    /** The personalisation values, column → value (empty when the row had none). */
    Map<String, String> fields(Victim victim) {
        String fields = cipher.openText(Purpose.FIELDS, victim.fields);
        try {
            return fields == null ? Map.of() : JSON.readValue(fields, FIELDS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A victim's personalisation values are not JSON", e);
        }
    }
}
