package org.takedown.common;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.util.Optional;

/**
 * Every string of every JSON body is checked by {@link OfficerText#refusal} as it is read: a NUL, a control character
 * or an unpaired surrogate is a 400 naming the field, whatever the endpoint and whichever database is behind it.
 */
final class CheckedStrings extends StdScalarDeserializer<String> {

    /** The refusal, as the problem document names it ({@link ProblemMappers}). */
    static final class Refused extends InvalidFormatException {
        Refused(JsonParser parser, String reason, String value) {
            super(parser, reason, value, String.class);
        }

        String reason() {
            return getOriginalMessage();
        }
    }

    CheckedStrings() {
        super(String.class);
    }

    static SimpleModule module() {
        return new SimpleModule("checked-strings").addDeserializer(String.class, new CheckedStrings());
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        String value = StringDeserializer.instance.deserialize(parser, context);
        Optional<String> refusal = OfficerText.refusal(value);
        if (refusal.isPresent()) {
            throw new Refused(parser, refusal.get(), value);
        }
        return value;
    }
}
