package org.takedown.victim.sms.smpp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.DataCoding;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.takedown.victim.message.Gsm7;
import org.takedown.victim.message.SmsEncoding;
import org.takedown.victim.message.SmsSplit;

/**
 * A text as the {@code submit_sm}s that carry it: GSM 03.38 as unpacked septets ({@code data_coding} 0) or UCS-2 as
 * UTF-16BE ({@code data_coding} 8); a long text in the parts {@link SmsSplit} counted, each behind a concatenation
 * header ({@code 05 00 03 ref total seq}, {@code esm_class} UDHI) so the phone joins them.
 */
public record SmppParts(DataCoding dataCoding, ESMClass esmClass, List<byte[]> shortMessages) {

    private static final DataCoding GSM = new GeneralDataCoding(Alphabet.ALPHA_DEFAULT);
    private static final DataCoding UCS2 = new GeneralDataCoding(Alphabet.ALPHA_UCS2);

    /** {@code reference}: the concatenation reference the parts share (0–255), different for each long message. */
    public static SmppParts of(String text, int reference) {
        SmsSplit split = SmsSplit.of(text);
        DataCoding coding = split.encoding() == SmsEncoding.GSM7 ? GSM : UCS2;
        if (split.fragments() <= 1) {
            return new SmppParts(coding, new ESMClass(), List.of(bytes(split.encoding(), text)));
        }
        List<byte[]> messages = new ArrayList<>();
        for (int i = 0; i < split.fragments(); i++) {
            byte[] body = bytes(split.encoding(), split.parts().get(i));
            byte[] message = new byte[6 + body.length];
            message[0] = 0x05; // header length
            message[1] = 0x00; // concatenated short message, 8-bit reference
            message[2] = 0x03;
            message[3] = (byte) reference;
            message[4] = (byte) split.fragments();
            message[5] = (byte) (i + 1);
            System.arraycopy(body, 0, message, 6, body.length);
            messages.add(message);
        }
        ESMClass udhi = new ESMClass(MessageMode.DEFAULT, MessageType.DEFAULT, GSMSpecificFeature.UDHI);
        return new SmppParts(coding, udhi, List.copyOf(messages));
    }

    private static byte[] bytes(SmsEncoding encoding, String text) {
        return encoding == SmsEncoding.GSM7 ? Gsm7.encode(text) : text.getBytes(StandardCharsets.UTF_16BE);
    }
}
