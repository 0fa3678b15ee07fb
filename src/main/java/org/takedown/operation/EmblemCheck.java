package org.takedown.operation;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.takedown.common.ProblemException;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Accepts an emblem only if its bytes are what its content type says: a PNG with sane dimensions, or an SVG
 * that is plain vector art — no DOCTYPE or entities, no script, no event handlers, no foreign objects, no
 * animation and no reference to anything outside the file.
 */
final class EmblemCheck {

    static final int MAX_BYTES = 512 * 1024;
    static final String PNG = "image/png";
    static final String SVG = "image/svg+xml";
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final int MAX_PNG_SIDE = 4096;
    private static final String SVG_NS = "http://www.w3.org/2000/svg";
    private static final String XLINK_NS = "http://www.w3.org/1999/xlink";
    private static final Set<String> REFUSED_ELEMENTS = Set.of(
            "script",
            "foreignobject",
            "iframe",
            "embed",
            "object",
            "audio",
            "video",
            "animate",
            "set",
            "animatemotion",
            "animatetransform",
            "handler",
            "listener");

    private EmblemCheck() {}

    /** Returns the checked content type, or throws a 413/415/422 problem. */
    static String check(String declaredType, byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            throw new ProblemException(
                    413, "Content Too Large", "An emblem may be at most 512 KB", java.util.List.of());
        }
        String type = declaredType == null
                ? ""
                : declaredType.toLowerCase(Locale.ROOT).split(";")[0].strip();
        switch (type) {
            case PNG -> checkPng(bytes);
            case SVG -> checkSvg(bytes);
            default ->
                throw new ProblemException(
                        415,
                        "Unsupported Media Type",
                        "An emblem must be image/png or image/svg+xml",
                        java.util.List.of());
        }
        return type;
    }

    private static void checkPng(byte[] bytes) {
        if (bytes.length < 33 || !startsWith(bytes, PNG_SIGNATURE)) {
            throw refused("the content is not a PNG image");
        }
        ByteBuffer ihdr = ByteBuffer.wrap(bytes, 8, 25);
        int length = ihdr.getInt();
        byte[] chunkType = new byte[4];
        ihdr.get(chunkType);
        if (length != 13 || !"IHDR".equals(new String(chunkType, java.nio.charset.StandardCharsets.US_ASCII))) {
            throw refused("the PNG has no valid header chunk");
        }
        int width = ihdr.getInt();
        int height = ihdr.getInt();
        if (width <= 0 || height <= 0 || width > MAX_PNG_SIDE || height > MAX_PNG_SIDE) {
            throw refused("a PNG emblem may be at most " + MAX_PNG_SIDE + " × " + MAX_PNG_SIDE + " pixels");
        }
    }

    private static void checkSvg(byte[] bytes) {
        Document document;
        try {
            document = parser().parse(new ByteArrayInputStream(bytes));
        } catch (SAXException | IOException e) {
            throw refused("the content is not well-formed XML without a DOCTYPE");
        }
        Element root = document.getDocumentElement();
        if (!"svg".equals(root.getLocalName()) || !SVG_NS.equals(root.getNamespaceURI())) {
            throw refused("the root element must be <svg> in the SVG namespace");
        }
        checkElement(root);
    }

    private static void checkElement(Element element) {
        String name = element.getLocalName().toLowerCase(Locale.ROOT);
        if (REFUSED_ELEMENTS.contains(name)) {
            throw refused("<" + element.getLocalName() + "> is not allowed in an emblem");
        }
        if (name.equals("style") && refersOutside(element.getTextContent())) {
            throw refused("styles may not import or refer to other resources");
        }
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            String local = (attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName())
                    .toLowerCase(Locale.ROOT);
            String value = attribute.getValue().strip();
            if (local.startsWith("on")) {
                throw refused("event handler attributes (" + attribute.getName() + ") are not allowed");
            }
            boolean isHref = local.equals("href")
                    && (attribute.getNamespaceURI() == null || XLINK_NS.equals(attribute.getNamespaceURI()));
            if (isHref && !value.startsWith("#")) {
                throw refused("links may only point inside the emblem (#id)");
            }
            if (refersOutside(value) && !isHref) {
                throw refused("attribute " + attribute.getName() + " refers to another resource");
            }
        }
        NodeList children = element.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            Node child = children.item(i);
            if (child.getNodeType() == Node.ELEMENT_NODE) {
                checkElement((Element) child);
            } else if (child.getNodeType() == Node.PROCESSING_INSTRUCTION_NODE) {
                throw refused("processing instructions are not allowed");
            }
        }
    }

    /** {@code url(...)} other than {@code url(#id)}, {@code @import}, or a script/data scheme anywhere. */
    private static boolean refersOutside(String text) {
        String t = text.toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
        if (t.contains("@import") || t.contains("javascript:") || t.contains("data:")) {
            return true;
        }
        int at = t.indexOf("url(");
        while (at >= 0) {
            String rest = t.substring(at + 4);
            if (!(rest.startsWith("#") || rest.startsWith("'#") || rest.startsWith("\"#"))) {
                return true;
            }
            at = t.indexOf("url(", at + 4);
        }
        return false;
    }

    private static DocumentBuilder parser() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("The JDK XML parser lacks secure-processing features", e);
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static ProblemException refused(String why) {
        return ProblemException.invalidField(422, "emblem", why);
    }
}
