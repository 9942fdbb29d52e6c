package org.clinwiki.render;

import com.vladsch.flexmark.util.data.DataKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clinwiki.title.Namespace;
import org.clinwiki.title.Title;
import org.jsoup.nodes.Entities;

/**
 * Finds the files a page shows ({@code [[File:…]]}, {@code [[Image:…]]}) and links to
 * ({@code [[Media:…]]}) in the expanded text, outside code, and puts a placeholder tag in each
 * one's place for the {@link HtmlSubset} to write as HTML; a figure's caption stays in the text
 * between its tags, so its Markdown and links render as any other text does. The written HTML
 * has no address or size yet: those depend on the file's current version, and are filled in
 * when the page is shown ({@link EmbedFill}), so an upload never makes a page render again.
 */
final class FileEmbeds {

    /** The embeds of the document being rendered, by the number in their placeholder. */
    static final DataKey<List<FileEmbed>> EMBEDS = new DataKey<>("CLINWIKI_FILE_EMBEDS", List.of());
    /** The media links of the document being rendered, by the number in their placeholder. */
    static final DataKey<List<Title>> MEDIA = new DataKey<>("CLINWIKI_MEDIA_LINKS", List.of());

    static final String FIGURE_TAG = "x-figure";
    static final String IMAGE_TAG = "x-image";
    static final String MEDIA_TAG = "x-media";
    /** More than any real article shows; past it the brackets stay text. */
    static final int MAX_PER_PAGE = 1000;

    private static final Pattern OPENING = Pattern.compile("\\[\\[\\s*:?\\s*(?i:file|image|media)\\s*:");

    private FileEmbeds() {
    }

    /**
     * The text with placeholders, the embeds and media links found, and the replacements made
     * ({@code [start, end, placeholder length]} in the text searched, in order).
     */
    record Found(String text, List<FileEmbed> embeds, List<Title> media, List<int[]> edits) {

        /** Every file named, which count as links of the page. */
        List<Title> files() {
            List<Title> files = new ArrayList<>(embeds.size() + media.size());
            embeds.forEach(embed -> files.add(embed.file()));
            files.addAll(media);
            return files;
        }
    }

    static Found find(String text) {
        if (!text.contains("[[")) {
            return new Found(text, List.of(), List.of(), List.of());
        }
        Matcher opening = OPENING.matcher(text);
        if (!opening.find()) {
            return new Found(text, List.of(), List.of(), List.of());
        }
        List<FileEmbed> embeds = new ArrayList<>();
        List<Title> media = new ArrayList<>();
        List<int[]> edits = new ArrayList<>();
        String replaced = replace(text, CodeRegions.of(text), new Found(text, embeds, media, edits), 0);
        return new Found(replaced, List.copyOf(embeds), List.copyOf(media), List.copyOf(edits));
    }

    /**
     * Replaces the files in {@code text}, adding to {@code into}'s lists. A caption may show a
     * file too (once more inside, no deeper): its replacements are not edits of the page's text.
     */
    private static String replace(String text, CodeRegions code, Found into, int depth) {
        Matcher opening = OPENING.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 64);
        int copied = 0;
        int from = 0;
        while (from < text.length() && opening.find(from) && into.embeds().size() + into.media().size() < MAX_PER_PAGE) {
            int start = opening.start();
            if (code.contains(start)) {
                from = Math.max(code.end(start), start + 2);
                continue;
            }
            int end = closing(text, start);
            if (end < 0) {
                break;
            }
            String inner = text.substring(start + 2, end).strip();
            from = end + 2;
            if (inner.startsWith(":")) {
                continue; // [[:File:X]] is an ordinary link to the file's page.
            }
            Optional<String> placeholder = placeholder(inner, into, depth);
            if (placeholder.isPresent()) {
                out.append(text, copied, start).append(placeholder.get());
                if (depth == 0) {
                    into.edits().add(new int[] {start, end + 2, placeholder.get().length()});
                }
                copied = end + 2;
            }
        }
        out.append(text, copied, text.length());
        return out.toString();
    }

    private static Optional<String> placeholder(String inner, Found into, int depth) {
        List<Title> media = into.media();
        List<FileEmbed> embeds = into.embeds();
        int colon = inner.indexOf(':');
        if (inner.substring(0, colon).strip().equalsIgnoreCase("media")) {
            int pipe = inner.indexOf('|');
            String name = (pipe < 0 ? inner.substring(colon + 1) : inner.substring(colon + 1, pipe)).strip();
            Optional<Title> file = Title.tryParse("File:" + name).filter(title -> title.namespace() == Namespace.FILE);
            if (file.isEmpty()) {
                return Optional.empty();
            }
            String label = pipe < 0 ? name : inner.substring(pipe + 1).strip();
            media.add(file.get());
            return Optional.of(open(MEDIA_TAG, media.size() - 1) + (label.isEmpty() ? name : label) + "</" + MEDIA_TAG + ">");
        }
        Optional<FileEmbed> embed = FileEmbed.parse(inner);
        if (embed.isEmpty()) {
            return Optional.empty();
        }
        embeds.add(embed.get());
        int n = embeds.size() - 1;
        if (!embed.get().showsCaption()) {
            return Optional.of(open(IMAGE_TAG, n) + "</" + IMAGE_TAG + ">");
        }
        String caption = embed.get().caption();
        if (depth < 1 && caption.contains("[[")) {
            caption = replace(caption, CodeRegions.of(caption), into, depth + 1);
        }
        return Optional.of(open(FIGURE_TAG, n) + caption + "</" + FIGURE_TAG + ">");
    }

    private static String open(String tag, int n) {
        return "<" + tag + " data-n=\"" + n + "\">";
    }

    /** Where the {@code ]]} closing the link that opens at {@code start} begins; -1 if none does on its line. */
    private static int closing(String text, int start) {
        int depth = 0;
        for (int i = start; i + 1 < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                return -1;
            }
            if (c == '[' && text.charAt(i + 1) == '[') {
                depth++;
                i++;
            } else if (c == ']' && text.charAt(i + 1) == ']') {
                depth--;
                i++;
                if (depth == 0) {
                    return i - 1;
                }
            }
        }
        return -1;
    }

    /** The opening HTML of embed {@code n}: the figure or span, its link and the image to be filled in. */
    static String openingHtml(FileEmbed embed) {
        StringBuilder html = new StringBuilder(160);
        String classes = "embed" + (embed.format() == FileEmbed.Format.PLAIN ? "" : " " + embed.format().name().toLowerCase())
                + (embed.align().isEmpty() ? "" : " align-" + embed.align()) + (embed.border() ? " border" : "");
        html.append(embed.isFigure() ? "<figure class=\"" : "<span class=\"").append(classes).append("\">");
        Optional<String> href = linkHref(embed);
        href.ifPresent(target -> {
            html.append("<a href=\"").append(attribute(target)).append("\" class=\"")
                    .append(target.startsWith("/wiki/") && !target.equals(embed.file().wikiPath()) ? WikiSyntax.LINK_CLASS : "file-link")
                    .append('"');
            // An image described by its caption alone has no text of its own: the link says where it leads.
            if (embed.altText().isEmpty()) {
                html.append(" aria-label=\"").append(attribute("File: " + embed.file().name())).append('"');
            }
            html.append('>');
        });
        html.append("<img data-file=\"").append(attribute(embed.file().nameUrlPath())).append("\" data-box=\"")
                .append(embed.boxWidth()).append('x').append(embed.boxHeight()).append("\" alt=\"")
                .append(attribute(embed.altText())).append('"');
        if (!embed.showsCaption() && !embed.caption().isBlank()) {
            html.append(" title=\"").append(attribute(embed.altText())).append('"');
        }
        html.append('>');
        href.ifPresent(target -> html.append("</a>"));
        if (!embed.isFigure()) {
            html.append("</span>");
        } else if (embed.showsCaption()) {
            html.append("<figcaption>");
        }
        return html.toString();
    }

    /** What closes a figure's caption and the figure; a figure without caption closes at once. */
    static String closingHtml(FileEmbed embed) {
        if (!embed.isFigure()) {
            return "";
        }
        return embed.showsCaption() ? "</figcaption></figure>" : "</figure>";
    }

    static String mediaOpeningHtml(Title file) {
        return "<a href=\"/files/" + attribute(file.nameUrlPath()) + "\" class=\"media-link\">";
    }

    /** Where the image leads: the file's page unless {@code link=} names a page, a web address, or nothing. */
    private static Optional<String> linkHref(FileEmbed embed) {
        if (embed.link().isEmpty()) {
            return Optional.of(embed.file().wikiPath());
        }
        String link = embed.link().get();
        if (link.isEmpty()) {
            return Optional.empty();
        }
        if (link.startsWith("https://") || link.startsWith("http://")) {
            return Optional.of(link);
        }
        return Title.tryParse(link).map(Title::wikiPath);
    }

    private static String attribute(String value) {
        return Entities.escape(value).replace("\"", "&quot;");
    }
}
