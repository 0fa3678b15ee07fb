package org.takedown.victim.list;

/** An import: parts arrive while UPLOADING, rows are read while READING, and it ends DONE or FAILED. */
public enum ImportStatus {
    UPLOADING,
    READING,
    DONE,
    FAILED
}
