package org.takedown.notice;

/** Id filters on ledger lists are taken as text, so that {@code ?runId=abc} is a 400 naming the field, not a 404. */
final class LedgerFilter {

    static final String ID = "[1-9][0-9]{0,17}";
    static final String ID_MESSAGE = "must be a positive whole number";

    private LedgerFilter() {}

    static Long idOf(String id) {
        return id == null ? null : Long.valueOf(id);
    }
}
