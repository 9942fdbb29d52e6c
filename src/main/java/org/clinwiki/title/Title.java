package org.clinwiki.title;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A normalised page title: a namespace and the name after its prefix.
 *
 * <p>Follows MediaWiki's rules: spaces and underscores are the same, surrounding space is
 * trimmed and runs collapsed, the first letter is upper-cased, and {@code # < > [ ] | { }},
 * control characters and percent-escapes are refused. The name is at most 255 UTF-8 bytes.
 * Build one with {@link #parse}; the constructor is for values that are already clean.
 */
public record Title(Namespace namespace, String name) implements Comparable<Title> {

    public static final int MAX_BYTES = 255;

    private static final Pattern PERCENT_ESCAPE = Pattern.compile("%[0-9A-Fa-f]{2}");
    private static final Pattern RELATIVE_PATH = Pattern.compile("^\\.\\.?(/.*)?$|/\\.\\.?/|/\\.\\.?$");
    private static final String FORBIDDEN = "#<>[]|{}";

    public Title {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
    }

    /**
     * {@link #parse}, or empty where {@code raw} is no valid title or null: for text that may or
     * may not name a page, such as a search query or a value read back from the index.
     */
    public static Optional<Title> tryParse(String raw) {
        try {
            return Optional.of(parse(raw));
        } catch (InvalidTitleException e) {
            return Optional.empty();
        }
    }

    /** Parses a title as a user or a URL wrote it ({@code social_media in healthcare}). */
    public static Title parse(String raw) {
        if (raw == null) {
            throw new InvalidTitleException("A title is required.");
        }
        String text = Normalizer.normalize(raw, Normalizer.Form.NFC);
        text = collapseSpaces(text).strip();
        // A leading colon forces the main namespace reading in links ([[:Category:X]]); it is not part of the title.
        if (text.startsWith(":")) {
            text = text.substring(1).strip();
        }
        checkCharacters(text);

        Namespace namespace = Namespace.MAIN;
        int colon = text.indexOf(':');
        if (colon > 0) {
            var prefixed = Namespace.ofPrefix(text.substring(0, colon).strip());
            if (prefixed.isPresent()) {
                namespace = prefixed.get();
                text = text.substring(colon + 1).strip();
            }
        }
        if (text.isEmpty()) {
            throw new InvalidTitleException(namespace == Namespace.MAIN
                    ? "A title cannot be empty."
                    : "A title needs a name after the \"" + namespace.prefix() + ":\" prefix.");
        }
        if (text.startsWith(":")) {
            throw new InvalidTitleException("A title cannot start with a colon after its namespace.");
        }
        if (text.indexOf('.') >= 0 && RELATIVE_PATH.matcher(text).find()) {
            throw new InvalidTitleException("A title cannot contain \".\" or \"..\" path segments.");
        }
        String name = upperCaseFirst(text);
        if (name.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new InvalidTitleException("A title can be at most " + MAX_BYTES + " bytes long in UTF-8.");
        }
        return new Title(namespace, name);
    }

    private static void checkCharacters(String text) {
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            if (FORBIDDEN.indexOf(codePoint) >= 0) {
                throw new InvalidTitleException("A title cannot contain the character \"" + Character.toString(codePoint) + "\".");
            }
            if (Character.getType(codePoint) == Character.CONTROL || codePoint == 0xFFFD
                    || Character.getType(codePoint) == Character.SURROGATE || codePoint == 0xFEFF) {
                throw new InvalidTitleException("A title cannot contain control or invalid characters.");
            }
            i += Character.charCount(codePoint);
        }
        if (text.indexOf('%') >= 0 && PERCENT_ESCAPE.matcher(text).find()) {
            throw new InvalidTitleException("A title cannot contain percent-escapes such as \"%20\".");
        }
    }

    /**
     * Drops direction marks and turns each run of spaces and underscores into one space. A
     * loop, not regular expressions: links are parsed by the thousand when pages are imported.
     */
    private static String collapseSpaces(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean pendingSpace = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isDirectionMark(c)) {
                // Invisible; MediaWiki strips them so that look-alike titles do not multiply.
                continue;
            }
            if (isSpace(c)) {
                pendingSpace = true;
                continue;
            }
            if (pendingSpace) {
                out.append(' ');
                pendingSpace = false;
            }
            out.append(c);
        }
        if (pendingSpace) {
            out.append(' ');
        }
        return out.toString();
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '_' || c == '\u00A0' || c == '\u1680' || (c >= '\u2000' && c <= '\u200A')
                || c == '\u2028' || c == '\u2029' || c == '\u202F' || c == '\u205F' || c == '\u3000';
    }

    private static boolean isDirectionMark(char c) {
        return c == '\u200E' || c == '\u200F' || (c >= '\u202A' && c <= '\u202E');
    }

    private static String upperCaseFirst(String text) {
        int first = text.codePointAt(0);
        int upper = Character.toUpperCase(first);
        return upper == first ? text : Character.toString(upper) + text.substring(Character.charCount(first));
    }

    /** The title as people read it and as JSON carries it: {@code Category:Clinical decision support}. */
    public String text() {
        return namespace == Namespace.MAIN ? name : namespace.prefix() + ":" + name;
    }

    /** The path segment after {@code /wiki/}: underscores for spaces, percent-encoded where needed. */
    public String urlPath() {
        return UrlPaths.encode(text().replace(' ', '_'));
    }

    /** The name alone as a URL path segment: a file's name in {@code /files/{name}}. */
    public String nameUrlPath() {
        return UrlPaths.encode(name.replace(' ', '_'));
    }

    /** Where the page is read: {@code /wiki/} and the {@link #urlPath()}; views of it add a suffix ({@code /history}). */
    public String wikiPath() {
        return "/wiki/" + urlPath();
    }

    /** The page for discussing this one, as MediaWiki names it ({@code Talk:X}, {@code User talk:X}); a talk page is its own. */
    public Title talk() {
        return namespace.isTalk() ? this : new Title(namespace.talk(), name);
    }

    /** The page a talk page discusses; any other page is its own subject. */
    public Title subject() {
        return namespace.isTalk() ? new Title(namespace.subject(), name) : this;
    }

    public boolean isTalk() {
        return namespace.isTalk();
    }

    public boolean isCategory() {
        return namespace == Namespace.CATEGORY;
    }

    @Override
    public int compareTo(Title other) {
        int byNamespace = namespace.compareTo(other.namespace);
        return byNamespace != 0 ? byNamespace : name.compareTo(other.name);
    }

    @Override
    public String toString() {
        return text();
    }
}
