package org.takedown.victim.list;

/**
 * Fired (synchronously, in the transaction that made the change) when a file read into a list added victims, before
 * the change is recorded as an edit of the operation: what depends on the list brings itself up to date first.
 */
public record VictimListChanged(long listId) {}
