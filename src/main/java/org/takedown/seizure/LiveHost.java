package org.takedown.seizure;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A host a banner answers on: one seized domain (or its alias) of an approved or active operation. {@code seizedOn}
 * (the domain's go-live date, else the approval date) is what {@code {date}} shows.
 */
record LiveHost(
        String host,
        long domainId,
        Instant liveFrom,
        Instant liveUntil,
        boolean unavailableForLegalReasons,
        String blockedBy,
        LocalDate seizedOn,
        OperationBanner banner) {

    /** Live from {@code liveFrom} inclusive until {@code liveUntil} exclusive, decided on every request. */
    boolean isLiveAt(Instant now) {
        return (liveFrom == null || !now.isBefore(liveFrom)) && (liveUntil == null || now.isBefore(liveUntil));
    }
}
