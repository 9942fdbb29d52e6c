package org.clinwiki.wikitext;

/**
 * HTML character references ({@code &nbsp;}, {@code &mdash;}, {@code &#123;}, {@code &#x7B;}) as
 * the characters they stand for; anything else after an ampersand stays as written. Names are
 * looked up in jsoup's table of HTML entities, one at a time (its whole-text decoder costs far
 * more per call, and most texts have one or two references).
 */
final class Entities {

    private static final int LONGEST_NAME = 32;

    private Entities() {
    }

    static String decode(String text) {
        int amp = text.indexOf('&');
        if (amp < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int at = 0;
        while (amp >= 0) {
            int semicolon = semicolon(text, amp + 1);
            String character = semicolon < 0 ? "" : character(text.substring(amp + 1, semicolon));
            if (!character.isEmpty()) {
                out.append(text, at, amp).append(character);
                at = semicolon + 1;
            }
            amp = text.indexOf('&', amp + 1);
        }
        return out.append(text, at, text.length()).toString();
    }

    /** The {@code ;} closing a reference that starts at {@code from}, if only name characters come before it. */
    private static int semicolon(String text, int from) {
        int limit = Math.min(text.length(), from + LONGEST_NAME);
        for (int k = from; k < limit; k++) {
            char c = text.charAt(k);
            if (c == ';') {
                return k > from ? k : -1;
            }
            if (!(c < 128 && Character.isLetterOrDigit(c) || c == '#')) {
                return -1;
            }
        }
        return -1;
    }

    private static String character(String name) {
        if (name.charAt(0) != '#') {
            return org.jsoup.nodes.Entities.getByName(name);
        }
        boolean hex = name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X');
        String digits = name.substring(hex ? 2 : 1);
        if (digits.isEmpty() || digits.length() > 7) {
            return "";
        }
        try {
            int code = Integer.parseInt(digits, hex ? 16 : 10);
            // Controls and lone surrogates would be garbage in a page: shown as written, as browsers nearly do.
            if (code < 0x20 && code != '\t' && code != '\n' || code >= 0xD800 && code <= 0xDFFF || code > 0x10FFFF || code == 0x7F) {
                return "";
            }
            return new String(Character.toChars(code));
        } catch (NumberFormatException e) {
            return "";
        }
    }
}
