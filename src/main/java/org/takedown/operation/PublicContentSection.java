package org.takedown.operation;

/**
 * A part of an operation that the public or Telegram will see (seized domains, Telegram targets, notices…).
 * Each capability contributes its part; {@link PublicContent} hashes them all, so any change to one of them
 * is a change to what was approved.
 */
public interface PublicContentSection {

    /** Key of this section in the content document; unique. */
    String name();

    /** A JSON-serialisable, deterministically ordered snapshot of this section for the operation. */
    Object snapshot(long operationId);
}
