package org.takedown.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class WritingDirectionTest {

    @Test
    void rightToLeftLanguagesAndScripts() {
        for (String tag : List.of("ar", "he", "fa", "ur", "yi", "ps", "az-Arab", "pa-Arab", "ar-EG")) {
            assertTrue(WritingDirection.isRightToLeft(tag), tag);
            assertEquals("rtl", WritingDirection.attributeFor(tag), tag);
        }
        for (String tag : List.of("en", "de", "pt-BR", "az-Latn", "tr", "ru", "")) {
            assertFalse(WritingDirection.isRightToLeft(tag), tag);
            assertEquals("auto", WritingDirection.attributeFor(tag), tag);
        }
        assertEquals("auto", WritingDirection.attributeFor(null));
    }
}
