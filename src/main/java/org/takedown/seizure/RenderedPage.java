package org.takedown.seizure;

import java.time.Instant;

/** A rendered banner page as bytes, with its gzip variant and strong ETag, valid until {@code validUntil}. */
record RenderedPage(byte[] html, byte[] gzip, String etag, Instant validUntil) {}
