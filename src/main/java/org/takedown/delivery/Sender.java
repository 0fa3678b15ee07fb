package org.takedown.delivery;

/**
 * Makes the call for one claimed row and classifies the answer. The engine has recorded that the request is leaving
 * before it calls; an exception from here leaves the row to become UNKNOWN (nobody can tell whether it went).
 */
@FunctionalInterface
public interface Sender {

    Outcome send(Claimed row);

    /** The sender of a channel that sends nothing: every row is recorded DRY_RUN, unpaced. */
    Sender DRY_RUN = row -> new Outcome.DryRun();
}
