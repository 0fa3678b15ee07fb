package org.takedown.seizure;

/** Per-visit log of a banner: none, the client address hashed with a rotating secret salt, or in full. */
public enum VisitLogMode {
    NONE,
    HASHED,
    FULL
}
