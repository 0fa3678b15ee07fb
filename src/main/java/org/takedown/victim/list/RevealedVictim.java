package org.takedown.victim.list;

import java.util.Map;

/** A victim in the clear, for the officer who gave a justification; never cached, never logged. */
public record RevealedVictim(
        long id, String phone, String email, String name, String language, Map<String, String> fields) {}
