package org.clinwiki.file;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Rebuilds an uploaded SVG from an allowlist of drawing elements and attributes, so that the
 * file can neither run script nor load anything when opened on its own or embedded: no
 * {@code script}, event handler, {@code foreignObject}, animation (which can rewrite a link to
 * {@code javascript:}), or reference outside the file; links only to fragments of itself, and
 * embedded raster images only as {@code data:} images. A document type, and so any entity, is
 * refused outright (entity expansion is how XML files exhaust memory). The output is written
 * afresh, never copied, and is the same for the same input.
 */
public final class SvgSanitizer {

    private static final String SVG_NAMESPACE = "http://www.w3.org/2000/svg";
    private static final String XLINK_NAMESPACE = "http://www.w3.org/1999/xlink";
    private static final int MAX_ELEMENTS = 100_000;
    private static final int MAX_DEPTH = 200;
    private static final int MAX_SIZE = 100_000;

    private static final Set<String> ELEMENTS = Set.of("svg", "g", "defs", "symbol", "use", "path", "rect", "circle", "ellipse",
            "line", "polyline", "polygon", "text", "tspan", "textPath", "title", "desc", "linearGradient", "radialGradient", "stop",
            "clipPath", "mask", "pattern", "marker", "filter", "image", "style", "switch",
            "feBlend", "feColorMatrix", "feComponentTransfer", "feComposite", "feConvolveMatrix", "feDiffuseLighting",
            "feDisplacementMap", "feDistantLight", "feDropShadow", "feFlood", "feFuncA", "feFuncB", "feFuncG", "feFuncR",
            "feGaussianBlur", "feMerge", "feMergeNode", "feMorphology", "feOffset", "fePointLight", "feSpecularLighting",
            "feSpotLight", "feTile", "feTurbulence");
    /** Dropped, but what they hold is kept: a link's text and shapes stay, the link goes. */
    private static final Set<String> UNWRAPPED = Set.of("a");
    private static final Set<String> ATTRIBUTES = Set.of("id", "class", "x", "y", "width", "height", "viewBox", "d", "points",
            "transform", "cx", "cy", "r", "rx", "ry", "x1", "y1", "x2", "y2", "dx", "dy", "fx", "fy", "fr", "rotate", "lengthAdjust",
            "textLength", "startOffset", "method", "spacing", "side", "pathLength", "preserveAspectRatio", "version",
            "gradientUnits", "gradientTransform", "spreadMethod", "offset", "patternUnits", "patternContentUnits",
            "patternTransform", "clipPathUnits", "maskUnits", "maskContentUnits", "markerUnits", "markerWidth", "markerHeight",
            "refX", "refY", "orient", "filterUnits", "primitiveUnits", "in", "in2", "result", "mode", "operator", "k1", "k2", "k3",
            "k4", "stdDeviation", "values", "type", "tableValues", "slope", "intercept", "amplitude", "exponent", "order",
            "kernelMatrix", "divisor", "bias", "targetX", "targetY", "edgeMode", "kernelUnitLength", "preserveAlpha",
            "surfaceScale", "diffuseConstant", "specularConstant", "specularExponent", "scale", "xChannelSelector",
            "yChannelSelector", "azimuth", "elevation", "z", "pointsAtX", "pointsAtY", "pointsAtZ", "limitingConeAngle",
            "baseFrequency", "numOctaves", "seed", "stitchTiles", "radius", "style", "fill", "fill-opacity", "fill-rule", "stroke",
            "stroke-width", "stroke-opacity", "stroke-linecap", "stroke-linejoin", "stroke-miterlimit", "stroke-dasharray",
            "stroke-dashoffset", "opacity", "color", "display", "visibility", "overflow", "clip-path", "clip-rule", "mask", "filter",
            "marker-start", "marker-mid", "marker-end", "stop-color", "stop-opacity", "flood-color", "flood-opacity",
            "lighting-color", "color-interpolation", "color-interpolation-filters", "paint-order", "vector-effect",
            "shape-rendering", "text-rendering", "image-rendering", "font-family", "font-size", "font-style", "font-weight",
            "font-variant", "font-stretch", "text-anchor", "text-decoration", "dominant-baseline", "alignment-baseline",
            "baseline-shift", "letter-spacing", "word-spacing", "writing-mode", "direction", "unicode-bidi", "href",
            "requiredFeatures", "systemLanguage", "xml:space", "xml:lang", "lang");
    private static final Pattern URL = Pattern.compile("url\\s*\\(\\s*(['\"]?)(.*?)\\1\\s*\\)", Pattern.CASE_INSENSITIVE);
    private static final Pattern DANGEROUS = Pattern.compile(
            "javascript:|vbscript:|expression\\s*\\(|@import|behavior\\s*:|-moz-binding|<!|data\\s*:(?!image/(png|jpeg|gif|webp);base64,)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DATA_IMAGE = Pattern.compile("data:image/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/=\\s]*");
    private static final Pattern LENGTH = Pattern.compile("\\s*([0-9]+(?:\\.[0-9]+)?)\\s*(px)?\\s*");
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?");

    /** The cleaned drawing and its size in pixels (0 when it states none). */
    public record SanitizedSvg(byte[] bytes, int width, int height) {
    }

    public SanitizedSvg sanitize(byte[] bytes) {
        String head = new String(bytes, StandardCharsets.ISO_8859_1).toUpperCase(Locale.ROOT);
        if (head.contains("<!DOCTYPE") || head.contains("<!ENTITY")) {
            throw new UnsupportedFileException("The SVG declares a document type or entities, which drawings here may not.");
        }
        Element root = parse(bytes).getDocumentElement();
        if (!"svg".equals(localName(root)) || !isSvgNamespace(root)) {
            throw new UnsupportedFileException("The file is XML but not an SVG drawing.");
        }
        Writer writer = new Writer();
        writer.element(root, 0, true);
        return new SanitizedSvg(writer.out.toString().getBytes(StandardCharsets.UTF_8), size(root, "width", 2), size(root, "height", 3));
    }

    private static Document parse(byte[] bytes) {
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
            // The parser's default handler prints errors to standard error; a bad upload is the uploader's business.
            builder.setErrorHandler(new DefaultHandler());
            return builder.parse(new ByteArrayInputStream(bytes));
        } catch (SAXException e) {
            throw new UnsupportedFileException("The SVG is not well-formed XML: " + e.getMessage());
        } catch (ParserConfigurationException | IOException e) {
            throw new UnsupportedFileException("The SVG could not be read.");
        }
    }

    private static String localName(Node node) {
        return node.getLocalName() != null ? node.getLocalName() : node.getNodeName();
    }

    private static boolean isSvgNamespace(Node node) {
        return node.getNamespaceURI() == null || SVG_NAMESPACE.equals(node.getNamespaceURI());
    }

    /** The stated width or height in pixels, else the view box's, else 0; absurd sizes count as none. */
    private static int size(Element root, String attribute, int viewBoxIndex) {
        Matcher length = LENGTH.matcher(root.getAttribute(attribute));
        double size = 0;
        if (length.matches()) {
            size = Double.parseDouble(length.group(1));
        } else {
            Matcher numbers = NUMBER.matcher(root.getAttribute("viewBox"));
            List<Double> found = new ArrayList<>();
            while (numbers.find() && found.size() < 4) {
                found.add(Double.parseDouble(numbers.group()));
            }
            if (found.size() == 4) {
                size = found.get(viewBoxIndex);
            }
        }
        return size > 0 && size <= MAX_SIZE ? (int) Math.round(size) : 0;
    }

    /** Writes the kept parts as new XML, counting elements and depth as it goes. */
    private static final class Writer {
        private final StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        private int elements;

        void element(Element element, int depth, boolean root) {
            if (++elements > MAX_ELEMENTS || depth > MAX_DEPTH) {
                throw new UnsupportedFileException("The SVG has more elements or nesting than a drawing here may have.");
            }
            String name = localName(element);
            if (!isSvgNamespace(element)) {
                return;
            }
            if (UNWRAPPED.contains(name)) {
                children(element, depth);
                return;
            }
            if (!ELEMENTS.contains(name) || (name.equals("image") && !hasDataImage(element))) {
                return;
            }
            if (name.equals("style")) {
                String css = element.getTextContent();
                if (!safeValue(css)) {
                    return;
                }
            }
            out.append('<').append(name);
            if (root) {
                out.append(" xmlns=\"").append(SVG_NAMESPACE).append("\" xmlns:xlink=\"").append(XLINK_NAMESPACE).append('"');
            }
            attributes(element, name);
            out.append('>');
            children(element, depth);
            out.append("</").append(name).append('>');
        }

        private void children(Element element, int depth) {
            for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
                switch (child.getNodeType()) {
                    case Node.ELEMENT_NODE -> element((Element) child, depth + 1, false);
                    case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> text(child.getNodeValue());
                    default -> {
                        // Comments and processing instructions are dropped.
                    }
                }
            }
        }

        private void attributes(Element element, String elementName) {
            NamedNodeMap map = element.getAttributes();
            List<Attr> kept = new ArrayList<>();
            for (int i = 0; i < map.getLength(); i++) {
                Attr attribute = (Attr) map.item(i);
                if (keeps(attribute, elementName)) {
                    kept.add(attribute);
                }
            }
            kept.sort(Comparator.comparing(SvgSanitizer.Writer::attributeName));
            for (Attr attribute : kept) {
                out.append(' ').append(attributeName(attribute)).append("=\"");
                escape(attribute.getValue(), true);
                out.append('"');
            }
        }

        private static String attributeName(Attr attribute) {
            String local = localName(attribute);
            if (XLINK_NAMESPACE.equals(attribute.getNamespaceURI())) {
                return "xlink:" + local;
            }
            if (XMLConstants.XML_NS_URI.equals(attribute.getNamespaceURI())) {
                return "xml:" + local;
            }
            return local;
        }

        private static boolean keeps(Attr attribute, String elementName) {
            String namespace = attribute.getNamespaceURI();
            String name = attributeName(attribute);
            boolean known = namespace == null ? ATTRIBUTES.contains(name)
                    : XLINK_NAMESPACE.equals(namespace) ? name.equals("xlink:href")
                    : XMLConstants.XML_NS_URI.equals(namespace) && ATTRIBUTES.contains(name);
            if (!known) {
                return false;
            }
            String value = attribute.getValue();
            if (name.equals("href") || name.equals("xlink:href")) {
                String link = value.strip();
                return link.startsWith("#") && !link.contains("(") || elementName.equals("image") && DATA_IMAGE.matcher(link).matches();
            }
            return safeValue(value);
        }

        private static boolean hasDataImage(Element image) {
            String href = image.hasAttribute("href") ? image.getAttribute("href") : image.getAttributeNS(XLINK_NAMESPACE, "href");
            return DATA_IMAGE.matcher(href.strip()).matches();
        }

        private void text(String text) {
            escape(text, false);
        }

        private void escape(String text, boolean attribute) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                switch (c) {
                    case '&' -> out.append("&amp;");
                    case '<' -> out.append("&lt;");
                    case '>' -> out.append("&gt;");
                    case '"' -> out.append(attribute ? "&quot;" : "\"");
                    default -> out.append(c);
                }
            }
        }
    }

    /** A value or style sheet with no script and no reference outside the file: {@code url(#id)} only. */
    private static boolean safeValue(String value) {
        if (DANGEROUS.matcher(value).find()) {
            return false;
        }
        Matcher url = URL.matcher(value);
        while (url.find()) {
            if (!url.group(2).strip().startsWith("#")) {
                return false;
            }
        }
        return !value.toLowerCase(Locale.ROOT).contains("url(") || URL.matcher(value).find();
    }
}
