package org.takedown.operation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.takedown.common.ProblemException;

class EmblemCheckTest {

    private static final String OPEN =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\">";

    static byte[] png(int width, int height) {
        ByteBuffer b = ByteBuffer.allocate(33);
        b.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        b.putInt(13)
                .put("IHDR".getBytes(StandardCharsets.US_ASCII))
                .putInt(width)
                .putInt(height);
        b.put(new byte[] {8, 6, 0, 0, 0}).putInt(0);
        return b.array();
    }

    @Test
    void acceptsPlainPngAndSvg() {
        assertEquals("image/png", EmblemCheck.check("image/png", png(200, 200)));
        assertEquals(
                "image/svg+xml",
                EmblemCheck.check(
                        "image/svg+xml; charset=utf-8",
                        (OPEN
                                        + "<defs><linearGradient id=\"g\"/></defs><rect fill=\"url(#g)\" width=\"5\" height=\"5\"/>"
                                        + "<use xlink:href=\"#g\"/></svg>")
                                .getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void refusesContentThatIsNotTheDeclaredType() {
        assertEquals(422, status("image/png", OPEN.getBytes(StandardCharsets.UTF_8)));
        assertEquals(422, status("image/svg+xml", png(10, 10)));
        assertEquals(415, status("image/gif", png(10, 10)));
        assertEquals(415, status(null, png(10, 10)));
    }

    @Test
    void refusesHugePngDimensionsAndOversizeFiles() {
        assertEquals(422, status("image/png", png(100_000, 10)));
        assertEquals(422, status("image/png", png(0, 10)));
        assertEquals(413, status("image/png", new byte[512 * 1024 + 1]));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>",
                "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>",
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect OnClick=\"alert(1)\"/></svg>",
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><foreignObject><div xmlns=\"http://www.w3.org/1999/xhtml\">x</div></foreignObject></svg>",
                "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\"><a xlink:href=\"javascript:alert(1)\"><text>x</text></a></svg>",
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><image href=\"https://tracker.example/pixel.png\"/></svg>",
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><use href=\"https://evil.example/s.svg#x\"/></svg>",
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><style>@import url(https://evil.example/x.css);</style></svg>",
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect style=\"fill:url(https://evil.example/p)\"/></svg>",
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect fill=\"url( 'https://evil.example/p')\"/></svg>",
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><set attributeName=\"href\" to=\"javascript:alert(1)\"/></svg>",
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><animate attributeName=\"x\" values=\"0;1\"/></svg>",
                "<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><svg xmlns=\"http://www.w3.org/2000/svg\"><text>&x;</text></svg>",
                "<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\"><svg xmlns=\"http://www.w3.org/2000/svg\"/>",
                "<svg><circle r=\"1\"/></svg>",
                "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body>not svg</body></html>",
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><?xml-stylesheet href=\"https://evil.example/x.css\"?></svg>",
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect",
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><image href=\"data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=\"/></svg>"
            })
    void refusesActiveOrLeakySvg(String svg) {
        assertEquals(422, status("image/svg+xml", svg.getBytes(StandardCharsets.UTF_8)), svg);
    }

    private static int status(String type, byte[] bytes) {
        return assertThrows(ProblemException.class, () -> EmblemCheck.check(type, bytes))
                .status();
    }
}
