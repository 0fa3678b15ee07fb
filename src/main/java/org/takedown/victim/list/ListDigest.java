package org.takedown.victim.list;

/**
 * What a list holds, for an approval to cover: its victims, those with a phone number, and a SHA-256 over the
 * SHA-256 and counts of every file read into it. Another file read in (or a purge) changes it.
 */
public record ListDigest(long victims, long withPhone, String sha256) {}
