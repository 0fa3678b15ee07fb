package org.takedown.victim.list;

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
        return pushback;
    }
}
