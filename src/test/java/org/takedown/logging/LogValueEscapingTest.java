package org.takedown.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.logging.Level;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

class LogValueEscapingTest {

    @Test
    void controlCharactersInAFormattedMessageAreWrittenOutAsEscapes() {
        ExtLogRecord record = new ExtLogRecord(
                Level.WARNING,
                "Channel %s answered %s",
                ExtLogRecord.FormatStyle.PRINTF,
                LogValueEscapingTest.class.getName());
        record.setParameters(new Object[] {"@evil\r\n2026-11-25 INFO forged line", "\u001b[31mred\u0007\u2028"});
        assertTrue(new LogValueEscaping().isLoggable(record), "the filter never drops a record");
        assertEquals(
                "Channel @evil\\r\\n2026-11-25 INFO forged line answered \\u001b[31mred\\u0007\\u2028",
                record.getFormattedMessage());
    }

    @Test
    void aMessageWithoutControlCharactersIsLeftAlone() {
        ExtLogRecord record = new ExtLogRecord(
                Level.INFO,
                "Read {0} posts",
                ExtLogRecord.FormatStyle.MESSAGE_FORMAT,
                LogValueEscapingTest.class.getName());
        record.setParameters(new Object[] {12});
        new LogValueEscaping().isLoggable(record);
        assertEquals("Read 12 posts", record.getFormattedMessage());
        String plain = "tabs\u00a0and unicode ✓ stay";
        assertSame(plain, LogValueEscaping.escape(plain));
        assertEquals("a\\tb", LogValueEscaping.escape("a\tb"));
    }

    @Test
    void bidirectionalControlsAreWrittenOutSoTheyCannotReorderTheLine() {
        assertEquals(
                "officer \\u202emoc.live\\u202c approved \\u2067x\\u2069 \\u200f",
                LogValueEscaping.escape("officer \u202emoc.live\u202c approved \u2067x\u2069 \u200f"));
    }
}
