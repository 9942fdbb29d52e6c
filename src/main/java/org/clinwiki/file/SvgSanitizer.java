package org.clinwiki.file;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;

/**
 * Makes an uploaded SVG safe to serve from our own origin. SVG is a document format that can run
 * script and fetch resources, so the file is rebuilt from an allowlist of drawing elements and
 * attributes ({@link SvgAllowlist}); whatever is not known to only draw is removed. The result
 * must be inert even when opened directly, without the Content-Security-Policy it is served with.
 *
 * <p>Files that cannot be made safe by removal are refused with {@link UnsupportedFileException}:
 * any DOCTYPE or entity declaration (entity expansion and external entities are how XML parsers
 * get attacked), a root that is not {@code <svg>}, malformed XML, and more than
 * {@value SvgCleaner#MAX_ELEMENTS} elements or nesting deeper than {@value SvgCleaner#MAX_DEPTH}.
 * The caller bounds the size in bytes.
 */
public final class SvgSanitizer {

    /** Larger than any real drawing; a bigger claim is treated as no claim. */
    private static final double MAX_SIDE = 100_000;
    private static final Pattern PIXELS = Pattern.compile("\\s*([+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?)\\s*(?:px)?\\s*");
    private static final Pattern NUMBER = Pattern.compile("[+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?");

    public SanitizedSvg sanitize(byte[] bytes) {
        if (declaresDoctype(bytes)) {
            throw new UnsupportedFileException("an SVG image may not contain a DOCTYPE or entity declarations");
        }
        SvgCleaner cleaner = new SvgCleaner();
        try {
            XMLReader reader = newParser().getXMLReader();
            reader.setContentHandler(cleaner);
            reader.setErrorHandler(new Strict());
            reader.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
            reader.parse(new InputSource(new ByteArrayInputStream(bytes)));
        } catch (SAXParseException e) {
            throw new UnsupportedFileException("not a well-formed SVG image (line " + e.getLineNumber() + ": "
                    + e.getMessage() + ")");
        } catch (SAXException e) {
            if (e.getException() instanceof UnsupportedFileException refused) {
                throw refused;
            }
            throw new UnsupportedFileException("not a readable SVG image: " + e.getMessage());
        } catch (IOException | ParserConfigurationException | RuntimeException e) {
            // The parser's own failures are not the uploader's fault to decode; a 415 is still the answer.
            throw new UnsupportedFileException("not a readable SVG image");
        }
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + cleaner.xml() + "\n";
        Size size = size(cleaner.rootWidth(), cleaner.rootHeight(), cleaner.rootViewBox());
        return new SanitizedSvg(xml.getBytes(StandardCharsets.UTF_8), size.width(), size.height());
    }

    private static SAXParser newParser() throws ParserConfigurationException, SAXException {
        // The JDK's own parser, whatever else is on the class path: its security features are known.
        SAXParserFactory factory = SAXParserFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        factory.setValidating(false);
        factory.setXIncludeAware(false);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        SAXParser parser = factory.newSAXParser();
        parser.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        parser.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        // Newer JDKs stop at 100 under secure processing; our own limit, with its message, is the one that counts.
        parser.setProperty("jdk.xml.maxElementDepth", String.valueOf(SvgCleaner.MAX_DEPTH + 1));
        return parser;
    }

    /**
     * Found before parsing so the refusal is immediate and says why. The parser refuses a DOCTYPE
     * too; this only gives the clear message, and also covers UTF-16 files.
     */
    private static boolean declaresDoctype(byte[] bytes) {
        boolean utf16 = bytes.length >= 2 && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)
                || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE));
        String text = new String(bytes, utf16 ? StandardCharsets.UTF_16 : StandardCharsets.ISO_8859_1)
                .toUpperCase(Locale.ROOT);
        return text.contains("<!DOCTYPE") || text.contains("<!ENTITY");
    }

    /**
     * The size a browser would give the image: both attributes when they are pixels, one of them
     * with the viewBox's proportions, or the viewBox alone; 0x0 when the file does not say.
     */
    private static Size size(String widthAttribute, String heightAttribute, String viewBox) {
        double width = pixels(widthAttribute);
        double height = pixels(heightAttribute);
        double[] box = viewBox(viewBox);
        if (width <= 0 || height <= 0) {
            if (box == null) {
                return Size.UNKNOWN;
            }
            if (width > 0) {
                height = width * box[1] / box[0];
            } else if (height > 0) {
                width = height * box[0] / box[1];
            } else {
                width = box[0];
                height = box[1];
            }
        }
        long w = Math.round(width);
        long h = Math.round(height);
        if (w < 1 || h < 1 || w > MAX_SIDE || h > MAX_SIDE) {
            return Size.UNKNOWN;
        }
        return new Size((int) w, (int) h);
    }

    private static double pixels(String value) {
        if (value == null) {
            return 0;
        }
        Matcher m = PIXELS.matcher(value);
        if (!m.matches()) {
            return 0;
        }
        double number = Double.parseDouble(m.group(1));
        return number > 0 && number <= MAX_SIDE ? number : 0;
    }

    /** The viewBox's width and height, or null unless it is four numbers with a sensible size. */
    private static double[] viewBox(String value) {
        if (value == null) {
            return null;
        }
        String[] parts = value.strip().split("\\s*,\\s*|\\s+");
        if (parts.length != 4) {
            return null;
        }
        for (String part : parts) {
            if (!NUMBER.matcher(part).matches()) {
                return null;
            }
        }
        double width = Double.parseDouble(parts[2]);
        double height = Double.parseDouble(parts[3]);
        return width > 0 && height > 0 && width <= MAX_SIDE && height <= MAX_SIDE ? new double[] {width, height} : null;
    }

    private record Size(int width, int height) {
        static final Size UNKNOWN = new Size(0, 0);
    }

    /** Recoverable errors are refused too: a file the parser had to guess about is not one to serve. */
    private static final class Strict implements ErrorHandler {
        @Override
        public void warning(SAXParseException e) {
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    }
}
