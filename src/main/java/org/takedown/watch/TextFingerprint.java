package org.takedown.watch;

import java.text.Normalizer;
import java.util.Locale;
import org.takedown.common.DeterministicJson;

/**
 * What a page says, reduced to compare captures: the SHA-256 of its normalised text (any change at all) and a 64-bit
 * SimHash over three-word shingles (how much changed: near-identical pages differ in few bits).
 */
record TextFingerprint(String sha256, long simhash) {

    static TextFingerprint of(String text) {
        String normalised = normalise(text);
        return new TextFingerprint(DeterministicJson.sha256Hex(normalised), simhash(normalised));
    }

    /** NFKC, lower case, one space between words. */
    static String normalise(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC)
                .toLowerCase(Locale.ROOT)
                .strip()
                .replaceAll("\\s+", " ");
    }

    /** 1.0 for the same shingles, about 0.5 for unrelated text. */
    double similarity(TextFingerprint other) {
        return 1.0 - Long.bitCount(simhash ^ other.simhash) / 64.0;
    }

    private static long simhash(String normalised) {
        String[] words = normalised.isEmpty() ? new String[0] : normalised.split(" ");
        long[] hashes = new long[words.length];
        for (int i = 0; i < words.length; i++) {
            hashes[i] = fnv1a(words[i]);
        }
        int[] weights = new int[64];
        for (int i = 0; i < Math.max(1, words.length - 2) && words.length > 0; i++) {
            // The shingle of up to three words: their hashes combined in order.
            long hash = hashes[i];
            for (int j = i + 1; j < Math.min(words.length, i + 3); j++) {
                hash = hash * 0x100000001b3L ^ hashes[j];
            }
            hash = finish(hash);
            for (int bit = 0; bit < 64; bit++) {
                weights[bit] += (int) (hash >>> bit & 1) * 2 - 1;
            }
        }
        long simhash = 0;
        for (int bit = 0; bit < 64; bit++) {
            if (weights[bit] > 0) {
                simhash |= 1L << bit;
            }
        }
        return simhash;
    }

    /** Spreads every input bit over the whole word (MurmurHash3's finaliser). */
    private static long finish(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb93fe53e87ebL;
        return h ^ h >>> 33;
    }

    /** FNV-1a, 64-bit, over the UTF-16 units. */
    private static long fnv1a(String text) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            hash ^= text.charAt(i);
            hash *= 0x100000001b3L;
        }
        return hash;
    }
}
