package org.clinwiki.file;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * CSS inside an SVG, rebuilt from the declarations that pass {@link SvgAllowlist}. Rebuilding
 * rather than copying means the browser reads exactly the rules this class checked, not whatever
 * a creative use of comments, escapes or at-rules would make of the original text.
 */
final class SvgCss {

    private static final Pattern COMMENT = Pattern.compile("/\\*.*?(\\*/|$)", Pattern.DOTALL);
    private static final Pattern PROPERTY = Pattern.compile("[a-z][a-z-]*");
    private static final Pattern IMPORTANT = Pattern.compile("(?i)\\s*!\\s*important\\s*$");
    private static final Pattern SELECTOR = Pattern.compile("[A-Za-z0-9_\\-.#:*>+~,()\\s\\[\\]=|^$\"']+");

    private SvgCss() {
    }

    /** A style attribute's declarations that may stay, or empty when none may. */
    static Optional<String> declarations(String text) {
        String clean = COMMENT.matcher(text).replaceAll(" ");
        if (clean.indexOf('{') >= 0 || clean.indexOf('}') >= 0) {
            return Optional.empty();
        }
        List<String> kept = keptDeclarations(clean);
        return kept.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", kept));
    }

    /**
     * A style sheet of plain rules, rebuilt. At-rules (@import, @font-face, @namespace) can fetch
     * or change how everything else is read, so a sheet with any of them goes whole.
     */
    static Optional<String> sheet(String text) {
        String clean = COMMENT.matcher(text).replaceAll(" ");
        if (clean.indexOf('@') >= 0 || clean.indexOf('\\') >= 0 || clean.indexOf('<') >= 0) {
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (at < clean.length()) {
            int open = clean.indexOf('{', at);
            if (open < 0) {
                if (!clean.substring(at).isBlank()) {
                    return Optional.empty();
                }
                break;
            }
            int close = clean.indexOf('}', open);
            String selector = clean.substring(at, open).strip();
            if (close < 0 || clean.substring(open + 1, close).indexOf('{') >= 0 || clean.substring(at, open).indexOf('}') >= 0
                    || !isSafeSelector(selector)) {
                return Optional.empty();
            }
            List<String> kept = keptDeclarations(clean.substring(open + 1, close));
            if (!kept.isEmpty()) {
                out.append(selector.replaceAll("\\s+", " ")).append(" { ").append(String.join("; ", kept)).append(" }\n");
            }
            at = close + 1;
        }
        return out.isEmpty() ? Optional.empty() : Optional.of(out.toString());
    }

    /** Selectors only choose elements; they are checked so the rebuilt sheet splits where this one did. */
    private static boolean isSafeSelector(String selector) {
        String lower = selector.toLowerCase(Locale.ROOT);
        return !selector.isEmpty() && SELECTOR.matcher(selector).matches() && !lower.contains("url(")
                && selector.chars().filter(c -> c == '"').count() % 2 == 0
                && selector.chars().filter(c -> c == '\'').count() % 2 == 0;
    }

    private static List<String> keptDeclarations(String block) {
        List<String> kept = new ArrayList<>();
        for (String declaration : block.split(";")) {
            int colon = declaration.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String property = declaration.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = declaration.substring(colon + 1).strip();
            String bare = IMPORTANT.matcher(value).replaceFirst("");
            if (PROPERTY.matcher(property).matches() && SvgAllowlist.isCssProperty(property) && !bare.isEmpty()
                    && SvgAllowlist.isSafeValue(value)) {
                kept.add(property + ": " + value.replaceAll("\\s+", " "));
            }
        }
        return kept;
    }
}
