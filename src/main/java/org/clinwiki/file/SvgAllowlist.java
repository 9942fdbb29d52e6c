package org.clinwiki.file;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What an uploaded SVG may keep. Everything here is listed because it only draws: an element,
 * attribute, CSS property or function that is not named is removed, so a feature browsers add
 * later is refused until someone decides it is harmless.
 */
final class SvgAllowlist {

    static final String SVG_NS = "http://www.w3.org/2000/svg";
    static final String XLINK_NS = "http://www.w3.org/1999/xlink";
    static final String XML_NS = "http://www.w3.org/XML/1998/namespace";

    /** Drawn or referenced by drawing; feImage is missing because it loads a URL. */
    static final Set<String> ELEMENTS = Set.of(
            "svg", "g", "defs", "symbol", "use", "switch", "path", "rect", "circle", "ellipse", "line",
            "polyline", "polygon", "text", "tspan", "textPath", "title", "desc", "linearGradient",
            "radialGradient", "stop", "clipPath", "mask", "pattern", "marker", "filter", "style",
            "feBlend", "feColorMatrix", "feComponentTransfer", "feComposite", "feConvolveMatrix",
            "feDiffuseLighting", "feDisplacementMap", "feDistantLight", "feDropShadow", "feFlood",
            "feFuncA", "feFuncB", "feFuncG", "feFuncR", "feGaussianBlur", "feMerge", "feMergeNode",
            "feMorphology", "feOffset", "fePointLight", "feSpecularLighting", "feSpotLight", "feTile",
            "feTurbulence");

    /** A link around drawing: the drawing stays, the link (a place for javascript:) goes. */
    static final String UNWRAPPED = "a";

    /** Presentation properties: allowed both as attributes and inside CSS. */
    static final Set<String> PROPERTIES = Set.of(
            "fill", "fill-opacity", "fill-rule", "stroke", "stroke-width", "stroke-linecap", "stroke-linejoin",
            "stroke-miterlimit", "stroke-dasharray", "stroke-dashoffset", "stroke-opacity", "opacity",
            "font-family", "font-size", "font-size-adjust", "font-stretch", "font-style", "font-variant",
            "font-weight", "text-anchor", "text-decoration", "text-rendering", "letter-spacing",
            "word-spacing", "writing-mode", "direction", "unicode-bidi", "dominant-baseline",
            "alignment-baseline", "baseline-shift", "stop-color", "stop-opacity", "color",
            "color-interpolation", "color-interpolation-filters", "color-rendering", "clip-path",
            "clip-rule", "mask", "filter", "marker-start", "marker-mid", "marker-end", "display",
            "visibility", "overflow", "shape-rendering", "image-rendering", "vector-effect", "paint-order",
            "flood-color", "flood-opacity", "lighting-color", "mix-blend-mode", "isolation");

    /** Properties a style sheet may set that have no attribute form. */
    static final Set<String> CSS_ONLY_PROPERTIES = Set.of(
            "font", "transform", "transform-origin", "transform-box", "white-space", "text-transform",
            "font-kerning", "font-feature-settings", "line-height", "pointer-events", "user-select");

    /** Geometry, structure and filter parameters: numbers, keywords and references, nothing fetched. */
    static final Set<String> ATTRIBUTES = Set.of(
            "id", "class", "lang", "x", "y", "width", "height", "viewBox", "preserveAspectRatio", "version",
            "baseProfile", "d", "points", "pathLength", "transform", "cx", "cy", "r", "rx", "ry", "x1", "y1",
            "x2", "y2", "fx", "fy", "fr", "dx", "dy", "rotate", "textLength", "lengthAdjust", "startOffset",
            "method", "spacing", "side", "gradientUnits", "gradientTransform", "spreadMethod", "offset",
            "patternUnits", "patternContentUnits", "patternTransform", "clipPathUnits", "maskUnits",
            "maskContentUnits", "markerUnits", "markerWidth", "markerHeight", "refX", "refY", "orient",
            "filterUnits", "primitiveUnits", "systemLanguage", "in", "in2", "result", "stdDeviation",
            "edgeMode", "type", "values", "tableValues", "slope", "intercept", "amplitude", "exponent",
            "operator", "k1", "k2", "k3", "k4", "order", "kernelMatrix", "divisor", "bias", "targetX",
            "targetY", "preserveAlpha", "kernelUnitLength", "surfaceScale", "diffuseConstant",
            "specularConstant", "specularExponent", "scale", "xChannelSelector", "yChannelSelector",
            "radius", "azimuth", "elevation", "pointsAtX", "pointsAtY", "pointsAtZ", "limitingConeAngle",
            "z", "baseFrequency", "numOctaves", "seed", "stitchTiles", "mode");

    /** xml:base is missing on purpose: it would turn "#id" into a reference to another origin. */
    static final Set<String> XML_ATTRIBUTES = Set.of("space", "lang");

    /** CSS functions that compute a colour or a transform; url() is handled on its own. */
    private static final Set<String> FUNCTIONS = Set.of(
            "rgb", "rgba", "hsl", "hsla", "calc", "matrix", "translate", "translatex", "translatey", "scale",
            "scalex", "scaley", "rotate", "skewx", "skewy");

    /** Only an id in this document: anything else (a path, a scheme, xpointer()) could leave it. */
    private static final Pattern FRAGMENT = Pattern.compile("#[A-Za-z_][A-Za-z0-9_.:-]*");
    private static final Pattern URL_ARGUMENT = Pattern.compile("\\s*(['\"]?)#[A-Za-z_][A-Za-z0-9_.:-]*\\1\\s*");

    private SvgAllowlist() {
    }

    static boolean isPresentation(String name) {
        return PROPERTIES.contains(name);
    }

    static boolean isCssProperty(String name) {
        return PROPERTIES.contains(name) || CSS_ONLY_PROPERTIES.contains(name);
    }

    static boolean isFragment(String href) {
        return FRAGMENT.matcher(href).matches();
    }

    /**
     * Whether a value is safe wherever a browser might read it as CSS (presentation attributes
     * are CSS values). Backslashes go because CSS escapes can spell {@code url(} invisibly; quotes
     * must pair so the browser ends the value where this check did.
     */
    static boolean isSafeValue(String value) {
        if (value.indexOf('\\') >= 0 || value.indexOf('<') >= 0 || count(value, '"') % 2 != 0
                || count(value, '\'') % 2 != 0) {
            return false;
        }
        String lower = value.toLowerCase(Locale.ROOT);
        if (lower.contains("javascript:") || lower.contains("expression") || lower.contains("@import")
                || lower.contains("behavior") || lower.contains("-moz-binding") || lower.contains("/*")) {
            return false;
        }
        for (int open = lower.indexOf('('); open >= 0; open = lower.indexOf('(', open + 1)) {
            int start = open;
            while (start > 0 && (Character.isLetter(lower.charAt(start - 1)) || lower.charAt(start - 1) == '-')) {
                start--;
            }
            String function = lower.substring(start, open);
            if (function.equals("url")) {
                int close = lower.indexOf(')', open);
                if (close < 0 || !URL_ARGUMENT.matcher(value.substring(open + 1, close)).matches()) {
                    return false;
                }
            } else if (!FUNCTIONS.contains(function)) {
                return false;
            }
        }
        return true;
    }

    private static int count(String text, char wanted) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == wanted) {
                n++;
            }
        }
        return n;
    }
}
