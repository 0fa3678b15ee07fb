package org.takedown.audit;

/**
 * Fired after a transaction that wrote audit rows has committed, on the committing thread; {@code headSeq} is
 * its newest row. Observers must be quick (hand work to another thread).
 */
public record ChangesCommitted(long headSeq) {}
