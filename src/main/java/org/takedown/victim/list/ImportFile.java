package org.takedown.victim.list;

import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.SequenceInputStream;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.function.IntFunction;

/** An uploaded file read back part after part (one part in memory at a time) as UTF-8 text without its byte-order mark. */
final class ImportFile {

    private ImportFile() {}

    /** The parts 1..{@code parts} in order; {@code part} opens one (it is asked for each when the reader reaches it). */
    static InputStream bytes(int parts, IntFunction<InputStream> part) {
        return new SequenceInputStream(new Enumeration<>() {
            private int next = 1;

            @Override
            public boolean hasMoreElements() {
                return next <= parts;
            }

            @Override
            public InputStream nextElement() {
                return part.apply(next++);
            }
        });
    }

    /** Strict UTF-8 (a byte that is not UTF-8 stops the reading instead of becoming a replacement character). */
    static Reader text(InputStream bytes) throws IOException {
        Reader reader = new InputStreamReader(
                bytes,
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT));
        PushbackReader pushback = new PushbackReader(reader, 1);
        int first = pushback.read();
        if (first >= 0 && first != '\uFEFF') {
            pushback.unread(first);
        }
        return new RowLimit(pushback, MAX_ROW_CHARS);
    }

    /** No row of a victim list comes near this; a longer one is a quote left open over the rest of the file. */
    static final int MAX_ROW_CHARS = 65_536;

    /** A row longer than the limit: the parser would otherwise hold the rest of the file in one value. */
    static final class RowTooLong extends IOException {
        RowTooLong(int limit) {
            super("a row is longer than " + limit + " characters");
        }
    }

    /**
     * Counts the characters of the row being read (RFC 4180: a line break inside quotes belongs to the row; a doubled
     * quote toggles twice) and stops the reading when one grows past the limit, so memory stays flat on a broken file.
     */
    static final class RowLimit extends FilterReader {

        private final int limit;
        private boolean quoted;
        private int length;

        RowLimit(Reader in, int limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (c >= 0) {
                see((char) c);
            }
            return c;
        }

        @Override
        public int read(char[] buffer, int offset, int count) throws IOException {
            int n = super.read(buffer, offset, count);
            for (int i = 0; i < n; i++) {
                see(buffer[offset + i]);
            }
            return n;
        }

        private void see(char c) throws RowTooLong {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                length = 0;
                return;
            }
            if (++length > limit) {
                throw new RowTooLong(limit);
            }
        }
    }
}
