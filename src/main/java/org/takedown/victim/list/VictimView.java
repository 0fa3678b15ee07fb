package org.takedown.victim.list;

import java.util.Arrays;
import java.util.List;

/** A victim as every page shows one: masked; {@code suppressed} when the force's suppression list holds its number or address. */
public record VictimView(
        long id,
        String phone,
        List<String> phoneFlags,
        String phoneRefusal,
        String email,
        String language,
        long importId,
        boolean suppressed) {

    public static VictimView of(Victim victim, boolean suppressed) {
        return new VictimView(
                victim.id,
                victim.phoneMasked,
                victim.phoneFlags.isEmpty() ? List.of() : Arrays.asList(victim.phoneFlags.split(",")),
                victim.phoneRefusal,
                victim.emailMasked,
                victim.language,
                victim.importId,
                suppressed);
    }
}
