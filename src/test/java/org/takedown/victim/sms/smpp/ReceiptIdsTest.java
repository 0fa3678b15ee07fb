package org.takedown.victim.sms.smpp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReceiptIdsTest {

    @Test
    void anAnswersIdIsKeptInLowerCaseWithoutLeadingZeros() {
        assertEquals("1a2b", ReceiptIds.key(" 00001A2B "));
        assertEquals("6699", ReceiptIds.key("0000006699"));
        assertEquals("0", ReceiptIds.key("0000"));
        assertEquals("msg-7f", ReceiptIds.key("MSG-7F"));
    }

    @Test
    void aReceiptsIdNamesTheAnswerInTheAccountsFormOnly() {
        assertEquals(Optional.of("1a2b"), ReceiptIds.AS_ANSWERED.answerKey("001A2B"));
        assertEquals(Optional.of("6699"), ReceiptIds.AS_ANSWERED.answerKey("6699"), "never read as hex by guess");
        assertEquals(Optional.of("1a2b"), ReceiptIds.DECIMAL_OF_HEX.answerKey("6699"));
        assertEquals(Optional.empty(), ReceiptIds.DECIMAL_OF_HEX.answerKey("1a2b"));
        assertEquals(Optional.of("6699"), ReceiptIds.HEX_OF_DECIMAL.answerKey("1A2B"));
        assertEquals(Optional.empty(), ReceiptIds.HEX_OF_DECIMAL.answerKey("msg-7f"));
    }
}
