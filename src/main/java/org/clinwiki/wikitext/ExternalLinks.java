package org.clinwiki.wikitext;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * External links: {@code [url label]} becomes {@code [label](url)}, {@code [url]} a numbered
 * link as MediaWiki numbers them, a bare URL an autolink. Only the schemes MediaWiki links and a
 * browser may follow safely (http, https, ftp, mailto, news, and {@code //}, read as https);
 * anything else, {@code javascript:} included, stays text, as MediaWiki shows it.
 */
final class ExternalLinks {

    private static final String[] SCHEMES = {"http://", "https://", "ftp://", "ftps://", "mailto:", "news:", "//"};
    private static final Pattern OTHER_SCHEME = Pattern.compile("([a-zA-Z][a-zA-Z0-9+.-]{0,20}):");
    private static final String TRAILING_PUNCTUATION = ",;.:!?'\"";

    private ExternalLinks() {
    }

    /** {@code [url label]} at {@code i}, or null if there is none (the bracket is then text). */
    static Found bracketed(String line, int i, Session session, MarkdownEscaper.Place place) {
        int schemeLength = scheme(line, i + 1);
        if (schemeLength == 0) {
            Matcher other = OTHER_SCHEME.matcher(line).region(i + 1, line.length());
            if (other.lookingAt()) {
                int close = labelEnd(line, i + 1);
                int space = line.indexOf(' ', i);
                if (close > 0 && space > 0 && space < close && other.group(1).length() > 1) {
                    session.issues().add("external link with scheme " + other.group(1).toLowerCase(Locale.ROOT) + ":",
                            "kept as text");
                }
            }
            return null;
        }
        int urlEnd = urlEnd(line, i + 1 + schemeLength);
        if (urlEnd == i + 1 + schemeLength) {
            return null;
        }
        int close = labelEnd(line, urlEnd);
        if (close < 0) {
            return null;
        }
        String url = destination(line.substring(i + 1, urlEnd), place);
        String label = line.substring(urlEnd, close).strip();
        String shown = label.isEmpty() ? "\\[" + session.nextExternalLinkNumber() + "\\]"
                : session.inline(label, MarkdownEscaper.Place.TEXT);
        return Found.markdown("[" + shown + "](" + url + ")", close + 1);
    }

    /** A bare URL at {@code i}, or null. */
    static Found bare(String line, int i, MarkdownEscaper.Place place) {
        int colon = i + 3;
        while (colon < Math.min(line.length(), i + 7) && line.charAt(colon) != ':') {
            colon++;
        }
        if (colon >= line.length() || line.charAt(colon) != ':') {
            return null;
        }
        int schemeLength = scheme(line, i);
        if (schemeLength == 0 || line.startsWith("//", i) || line.regionMatches(true, i, "news:", 0, 5)) {
            return null;
        }
        int end = urlEnd(line, i + schemeLength);
        String url = line.substring(i, end);
        boolean parenthesis = url.indexOf('(') >= 0;
        while (!url.isEmpty() && (TRAILING_PUNCTUATION.indexOf(url.charAt(url.length() - 1)) >= 0
                || !parenthesis && url.endsWith(")"))) {
            url = url.substring(0, url.length() - 1);
        }
        if (url.length() <= schemeLength) {
            return null;
        }
        return Found.markdown(destination(url, place), i + url.length());
    }

    /** The length of the linkable scheme starting at {@code i}, or 0. */
    static int scheme(String line, int i) {
        if (i >= line.length()) {
            return 0;
        }
        // Checked by the first letter before comparing: this runs at every word starting with h, f, m or n.
        char first = Character.toLowerCase(line.charAt(i));
        for (String scheme : SCHEMES) {
            if (scheme.charAt(0) == first && line.regionMatches(true, i, scheme, 0, scheme.length())) {
                return scheme.length();
            }
        }
        return 0;
    }

    /** Where a URL starting at {@code from} ends: at a space, a bracket, a quote or an angle bracket. */
    private static int urlEnd(String line, int from) {
        int end = from;
        while (end < line.length()) {
            char c = line.charAt(end);
            if (c <= ' ' || c == '[' || c == ']' || c == '<' || c == '>' || c == '"' || c == Stash.START || c == '\u00A0'
                    || c == '{' || c == '}') {
                break;
            }
            end++;
        }
        return end;
    }

    /** The {@code ]} ending a link's label on this line, or -1. Labels hold no brackets of their own. */
    private static int labelEnd(String line, int from) {
        for (int k = from; k < line.length(); k++) {
            char c = line.charAt(k);
            if (c == ']') {
                return k;
            }
            if (c == '[') {
                return -1;
            }
        }
        return -1;
    }

    /** A URL as an autolink or link destination in angle brackets: entities decoded, what brackets cannot hold encoded. */
    private static String destination(String url, MarkdownEscaper.Place place) {
        String decoded = Entities.decode(url);
        if (decoded.startsWith("//")) {
            decoded = "https:" + decoded;
        }
        StringBuilder out = new StringBuilder(decoded.length() + 2).append('<');
        for (int k = 0; k < decoded.length(); k++) {
            char c = decoded.charAt(k);
            if (c <= ' ' || c == '<' || c == '>' || c == '\\' || c == '|' && place == MarkdownEscaper.Place.TABLE) {
                out.append('%').append(String.format("%02X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('>').toString();
    }
}
