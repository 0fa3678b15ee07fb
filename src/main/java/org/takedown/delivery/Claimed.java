package org.takedown.delivery;

import java.time.Instant;

/** A claimed row, as its sender needs it: what to send, where, and not before when ({@code sendAt}, wall clock). */
public record Claimed(
        long id,
        String token,
        String channel,
        long runId,
        String recipientKey,
        String address,
        String contentKey,
        int part,
        String payload,
        Instant sendAt) {}
