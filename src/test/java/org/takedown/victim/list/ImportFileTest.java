package org.takedown.victim.list;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.junit.jupiter.api.Test;

class ImportFileTest {

    private static long rows(Reader reader) throws IOException {
        try (CSVParser parser = CSVParser.builder()
                .setReader(reader)
                .setFormat(CSVFormat.RFC4180)
                .get()) {
            return parser.stream().count();
        }
    }

    @Test
    void rowsUpToTheLimitAreReadWithQuotedLineBreaksAndDoubledQuotes() throws IOException {
        String row = "\"" + "a".repeat(40) + "\r\n\"\"b\"\"\",x\r\n";
        String csv = "phone,name\r\n" + row.repeat(1_000);
        assertEquals(1_001, rows(new ImportFile.RowLimit(new StringReader(csv), 64)));
    }

    @Test
    void aQuoteLeftOpenStopsTheReadingAtTheLimitInsteadOfFillingTheHeap() {
        String csv = "phone,name\r\n07700 900001,\"open quote\r\n" + "07700 900002,x\r\n".repeat(10_000);
        UncheckedIOException stopped = assertThrows(
                UncheckedIOException.class, () -> rows(new ImportFile.RowLimit(new StringReader(csv), 1_000)));
        assertEquals(ImportFile.RowTooLong.class, stopped.getCause().getClass());
    }

    @Test
    void theFileReaderHasTheLimitAndDropsTheByteOrderMark() throws IOException {
        Reader text = ImportFile.text(new ByteArrayInputStream("\uFEFFphone\n1\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals(ImportFile.RowLimit.class, text.getClass());
        assertEquals('p', text.read());
    }
}
