package org.clinwiki.file;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads SAX events of one SVG and writes the allowed part as XML as it goes. Writing from the
 * events, not copying the input, means nothing the checks did not see can reach the output:
 * comments, processing instructions (xml-stylesheet fetches), namespace tricks and CDATA all
 * arrive here as plain elements and text and leave escaped.
 */
final class SvgCleaner extends DefaultHandler {

    static final int MAX_ELEMENTS = 100_000;
    static final int MAX_DEPTH = 200;

    /** What became of an open element, so its end tag and content are treated alike. */
    private enum Fate { KEPT, UNWRAPPED, DROPPED, STYLE }

    private final StringBuilder out = new StringBuilder();
    private final Deque<Fate> open = new ArrayDeque<>();
    private final Deque<String> names = new ArrayDeque<>();
    private final StringBuilder styleText = new StringBuilder();
    private String styleAttributes = "";
    private int dropped;
    private int elements;
    private boolean tagOpen;
    private String rootWidth;
    private String rootHeight;
    private String rootViewBox;

    String xml() {
        return out.toString();
    }

    String rootWidth() {
        return rootWidth;
    }

    String rootHeight() {
        return rootHeight;
    }

    String rootViewBox() {
        return rootViewBox;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
        if (++elements > MAX_ELEMENTS) {
            throw refusal("an SVG image may have at most " + MAX_ELEMENTS + " elements");
        }
        if (open.size() >= MAX_DEPTH) {
            throw refusal("an SVG image may nest elements at most " + MAX_DEPTH + " deep");
        }
        boolean svg = uri.isEmpty() || uri.equals(SvgAllowlist.SVG_NS);
        if (open.isEmpty()) {
            if (!svg || !localName.equals("svg")) {
                throw refusal("not an SVG image");
            }
            rootWidth = attributes.getValue("", "width");
            rootHeight = attributes.getValue("", "height");
            rootViewBox = attributes.getValue("", "viewBox");
        }
        Fate fate = fate(svg, localName, attributes);
        open.push(fate);
        names.push(localName);
        switch (fate) {
            case DROPPED -> dropped++;
            case UNWRAPPED -> { }
            case STYLE -> {
                styleText.setLength(0);
                styleAttributes = attributes(attributes, localName);
            }
            case KEPT -> {
                closeTag();
                out.append('<').append(localName);
                if (open.size() == 1) {
                    out.append(" xmlns=\"").append(SvgAllowlist.SVG_NS).append("\" xmlns:xlink=\"")
                            .append(SvgAllowlist.XLINK_NS).append('"');
                }
                out.append(attributes(attributes, localName));
                tagOpen = true;
            }
        }
    }

    private Fate fate(boolean svg, String name, Attributes attributes) {
        if (dropped > 0 || !svg || open.peek() == Fate.STYLE) {
            return Fate.DROPPED;
        }
        if (name.equals(SvgAllowlist.UNWRAPPED)) {
            return Fate.UNWRAPPED;
        }
        if (!SvgAllowlist.ELEMENTS.contains(name)) {
            return Fate.DROPPED;
        }
        if (name.equals("image")) {
            // Even one carrying its own pixels: a photo's EXIF (where it was taken) would pass inside it untouched.
            return Fate.DROPPED;
        }
        return name.equals("style") ? Fate.STYLE : Fate.KEPT;
    }


    private static String attributes(Attributes attributes, String element) {
        StringBuilder written = new StringBuilder();
        for (int i = 0; i < attributes.getLength(); i++) {
            String uri = attributes.getURI(i);
            String name = attributes.getLocalName(i);
            String value = attributes.getValue(i);
            String kept = switch (uri) {
                case "" -> keptValue(name, value, element);
                case SvgAllowlist.XLINK_NS -> name.equals("href") ? keptHref(value, element) : null;
                case SvgAllowlist.XML_NS -> SvgAllowlist.XML_ATTRIBUTES.contains(name) && SvgAllowlist.isSafeValue(value)
                        ? value : null;
                default -> null;
            };
            if (kept != null) {
                String prefix = switch (uri) {
                    case SvgAllowlist.XLINK_NS -> "xlink:";
                    case SvgAllowlist.XML_NS -> "xml:";
                    default -> "";
                };
                written.append(' ').append(prefix).append(name).append("=\"");
                escape(kept, true, written);
                written.append('"');
            }
        }
        return written.toString();
    }

    private static String keptValue(String name, String value, String element) {
        if (name.equals("href")) {
            return keptHref(value, element);
        }
        if (name.equals("style")) {
            return SvgCss.declarations(value).orElse(null);
        }
        boolean known = SvgAllowlist.ATTRIBUTES.contains(name) || SvgAllowlist.isPresentation(name);
        return known && SvgAllowlist.isSafeValue(value) ? value : null;
    }

    private static String keptHref(String value, String element) {
        String href = value.strip();
        return SvgAllowlist.isFragment(href) ? href : null;
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
        Fate fate = open.pop();
        String name = names.pop();
        switch (fate) {
            case DROPPED -> dropped--;
            case UNWRAPPED -> { }
            case STYLE -> {
                Optional<String> sheet = SvgCss.sheet(styleText.toString());
                if (sheet.isPresent()) {
                    closeTag();
                    out.append("<style").append(styleAttributes).append('>');
                    escape(sheet.get(), false, out);
                    out.append("</style>");
                }
            }
            case KEPT -> {
                if (tagOpen) {
                    out.append("/>");
                    tagOpen = false;
                } else {
                    out.append("</").append(name).append('>');
                }
            }
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
        if (open.isEmpty() || dropped > 0) {
            return;
        }
        if (open.peek() == Fate.STYLE) {
            styleText.append(ch, start, length);
            return;
        }
        closeTag();
        escape(new String(ch, start, length), false, out);
    }

    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) {
        characters(ch, start, length);
    }

    private void closeTag() {
        if (tagOpen) {
            out.append('>');
            tagOpen = false;
        }
    }

    /** Escapes so text stays text however it arrived (CDATA included); line breaks in attributes survive as references. */
    private static void escape(String text, boolean attribute, StringBuilder to) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> to.append("&amp;");
                case '<' -> to.append("&lt;");
                case '>' -> to.append("&gt;");
                case '"' -> to.append(attribute ? "&quot;" : "\"");
                case '\n' -> to.append(attribute ? "&#10;" : "\n");
                case '\r' -> to.append("&#13;");
                case '\t' -> to.append(attribute ? "&#9;" : "\t");
                default -> to.append(c);
            }
        }
    }

    private static SAXException refusal(String message) {
        return new SAXException(new UnsupportedFileException(message));
    }
}
