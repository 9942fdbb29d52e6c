package org.clinwiki.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clinwiki.title.Namespace;
import org.clinwiki.title.Title;

/**
 * A file shown in a page, as MediaWiki writes it: {@code [[File:Name.png|thumb|right|300px|alt=…|Caption]]}.
 * The options are MediaWiki's: a format ({@code thumb}, {@code frame}, {@code frameless}, none),
 * {@code border}, a horizontal alignment, a size ({@code 300px}, {@code x200px}, {@code 300x200px}),
 * {@code upright[=factor]}, {@code alt=}, {@code link=} (a page, a URL, or empty for none); the
 * last part that is no option is the caption. Unknown options ({@code page=}, {@code class=}) are
 * dropped, as MediaWiki drops them.
 */
record FileEmbed(Title file, Format format, String align, int boxWidth, int boxHeight, boolean border, Optional<String> alt,
                 Optional<String> link, String caption) {

    /** MediaWiki's default thumbnail width, before {@code upright} scales it. */
    static final int THUMB_WIDTH = 220;
    private static final Pattern SIZE = Pattern.compile("(\\d{1,5})?(?:x(\\d{1,5}))?\\s*px");
    private static final Pattern UPRIGHT = Pattern.compile("upright(?:\\s*=\\s*([0-9]*\\.?[0-9]+))?");
    private static final double DEFAULT_UPRIGHT = 0.75;

    enum Format { PLAIN, THUMB, FRAME, FRAMELESS }

    /** Whether it shows as a figure of its own (with a caption box), rather than inline in the text. */
    boolean isFigure() {
        return format == Format.THUMB || format == Format.FRAME || !align.isEmpty();
    }

    /** Whether the caption shows under the image (thumbs and frames), not only as its description. */
    boolean showsCaption() {
        return format == Format.THUMB || format == Format.FRAME;
    }

    /** The text for readers who cannot see the image: {@code alt=}, else a caption that does not show, else none. */
    String altText() {
        return alt.orElse(showsCaption() ? "" : plain(caption));
    }

    /**
     * Reads the part inside the brackets, {@code File:Name.png|options|caption}; empty when the
     * name is no valid title.
     */
    static Optional<FileEmbed> parse(String inner) {
        List<String> parts = split(inner);
        Optional<Title> title = Title.tryParse(parts.getFirst().strip());
        if (title.isEmpty() || title.get().namespace() != Namespace.FILE) {
            return Optional.empty();
        }
        Format format = Format.PLAIN;
        String align = "";
        int width = 0;
        int height = 0;
        double upright = 0;
        boolean border = false;
        Optional<String> alt = Optional.empty();
        Optional<String> link = Optional.empty();
        String caption = "";
        for (String raw : parts.subList(1, parts.size())) {
            String part = raw.strip();
            String word = part.toLowerCase(Locale.ROOT);
            Matcher size = SIZE.matcher(word);
            Matcher uprightMatch = UPRIGHT.matcher(word);
            switch (word) {
                case "thumb", "thumbnail" -> format = Format.THUMB;
                case "frame", "framed" -> format = Format.FRAME;
                case "frameless" -> format = Format.FRAMELESS;
                case "border" -> border = true;
                case "left", "right", "center", "centre", "none" -> align = word.equals("centre") ? "center" : word;
                default -> {
                    if (size.matches() && (size.group(1) != null || size.group(2) != null)) {
                        width = size.group(1) == null ? 0 : Integer.parseInt(size.group(1));
                        height = size.group(2) == null ? 0 : Integer.parseInt(size.group(2));
                    } else if (uprightMatch.matches()) {
                        upright = uprightMatch.group(1) == null ? DEFAULT_UPRIGHT : Double.parseDouble(uprightMatch.group(1));
                    } else if (word.startsWith("alt=")) {
                        alt = Optional.of(plain(part.substring(4).strip()));
                    } else if (word.startsWith("link=")) {
                        link = Optional.of(part.substring(5).strip());
                    } else if (!isIgnoredOption(word)) {
                        caption = part;
                    }
                }
            }
        }
        if (width == 0 && height == 0 && (format == Format.THUMB || format == Format.FRAMELESS || upright > 0)) {
            width = THUMB_WIDTH;
        }
        if (upright > 0 && width > 0) {
            // As MediaWiki: the scaled width rounded to tens, so thumbnails come in few sizes.
            width = (int) Math.max(10, Math.round(width * Math.min(upright, 10) / 10.0) * 10);
        }
        return Optional.of(new FileEmbed(title.get(), format, align, width, height, border, alt, link, caption));
    }

    private static final Pattern WIKI_LINK = Pattern.compile("\\[\\[(?:[^\\]|]*\\|)?([^\\]]*)]]");
    private static final Pattern EMPHASIS = Pattern.compile("[*_`]+|<[^>]*>");

    /** A caption's words without its markup: for the {@code alt} and {@code title} attributes. */
    private static String plain(String markdown) {
        String labels = WIKI_LINK.matcher(markdown).replaceAll(match -> Matcher.quoteReplacement(match.group(1)));
        return EMPHASIS.matcher(labels).replaceAll("").strip();
    }

    private static boolean isIgnoredOption(String word) {
        return word.startsWith("page=") || word.startsWith("class=") || word.startsWith("lang=") || word.startsWith("thumbtime=")
                || word.equals("baseline") || word.equals("middle") || word.equals("sub") || word.equals("super")
                || word.equals("top") || word.equals("bottom") || word.equals("text-top") || word.equals("text-bottom");
    }

    /** Splits at the pipes that are not inside a nested link or template, as a caption may hold both. */
    private static List<String> split(String inner) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            if ((c == '[' || c == '{') && i + 1 < inner.length() && inner.charAt(i + 1) == c) {
                depth++;
                i++;
            } else if ((c == ']' || c == '}') && i + 1 < inner.length() && inner.charAt(i + 1) == c && depth > 0) {
                depth--;
                i++;
            } else if (c == '|' && depth == 0) {
                parts.add(inner.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(inner.substring(start));
        return parts;
    }
}
