package org.takedown.victim.protect;

/**
 * Sealed personal data that does not open: the key file no longer holds its key, or the value was changed. A fault of
 * the deployment or the database, never of a request: an import stops (resumable) instead of failing, and the API
 * answers 503 saying what to fix.
 */
public class UnreadablePersonalData extends RuntimeException {

    public UnreadablePersonalData(String message) {
        super(message);
    }
}
