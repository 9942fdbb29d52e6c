package org.clinwiki.render;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * The one allowlist every rendered page passes through. Nothing outside it reaches a browser:
 * no script, style, iframe, object, embed, form or SVG, no event handler or style attribute, and
 * only http, https and mailto URLs (plus site-relative ones). Images come only from this site
 * and the hosts the operator named; any other image becomes a link to it, so no editor can make
 * readers' browsers report to a site of theirs (the Content-Security-Policy says the same).
 * Thread-safe.
 */
public final class Sanitizer {

    private final Set<String> imageHosts;

    /** A sanitiser that allows images from this site only. */
    public Sanitizer() {
        this(List.of());
    }

    /** {@code imageHosts}: host names (with an optional port) images may also come from, over HTTPS. */
    public Sanitizer(List<String> imageHosts) {
        this.imageHosts = Set.copyOf(imageHosts);
    }

    // Relative links resolve against this during cleaning, so "/wiki/X" and "#fn-1" are kept.
    private static final String BASE_URI = "https://clinwiki.invalid/";

    private final Safelist safelist = Safelist.relaxed()
            .addTags("del", "s", "ins", "mark", "hr", "sup", "sub", "div", "span", "abbr", "nav", "kbd", "figure", "figcaption")
            // Which file an embed shows and in what box: EmbedFill turns them into an address and a size at view time.
            .addAttributes("img", "data-file", "data-box")
            .addAttributes(":all", "id", "class", "title", "aria-label")
            .addAttributes("th", "align")
            .addAttributes("td", "align")
            .addProtocols("a", "href", "#")
            .removeProtocols("a", "href", "ftp")
            .preserveRelativeLinks(true);

    /** Cleans an HTML fragment and returns it as {@link SafeHtml}. */
    public SafeHtml clean(String html) {
        Document dirty = Jsoup.parseBodyFragment(html, BASE_URI);
        Document clean = new Cleaner(safelist).clean(dirty);
        linkForeignImages(clean);
        markExternalLinks(clean);
        dropEmptyParagraphs(clean);
        clean.outputSettings().prettyPrint(false).escapeMode(Entities.EscapeMode.base).charset("UTF-8");
        return new SafeHtml(clean.body().html());
    }

    /**
     * Cleans escaped text whose only markup should be {@code <mark>} and {@code </mark>} (search
     * snippets). Checking that takes one pass; anything else goes through the full allowlist.
     */
    public SafeHtml cleanMarked(String html) {
        for (int i = html.indexOf('<'); i >= 0; i = html.indexOf('<', i + 1)) {
            if (!html.startsWith("<mark>", i) && !html.startsWith("</mark>", i)) {
                return clean(html);
            }
        }
        int open = 0;
        int close = 0;
        for (int i = html.indexOf('>'); i >= 0; i = html.indexOf('>', i + 1)) {
            boolean endsOpen = i >= 5 && html.startsWith("<mark>", i - 5);
            boolean endsClose = i >= 6 && html.startsWith("</mark>", i - 6);
            if (!endsOpen && !endsClose) {
                return clean(html);
            }
            open += endsOpen ? 1 : 0;
            close += endsClose ? 1 : 0;
        }
        return open == close ? new SafeHtml(html) : clean(html);
    }

    /** Wraps text as HTML by escaping it; always safe. */
    public static SafeHtml escape(String text) {
        return new SafeHtml(Entities.escape(text));
    }

    private void linkForeignImages(Document document) {
        for (Element image : document.select("img[src]")) {
            String src = image.attr("src");
            if (!src.startsWith("http:") && !src.startsWith("https:") && !src.startsWith("//")) {
                continue;
            }
            if (src.startsWith("https:") && imageHosts.contains(host(src))) {
                continue;
            }
            String alt = image.attr("alt");
            String label = alt.isBlank() ? src : alt;
            // Inside a link already: its label only, as a link cannot hold another.
            image.replaceWith(image.closest("a") != null ? new TextNode(label) : new Element("a").attr("href", src).text(label));
        }
    }

    private static String host(String url) {
        try {
            URI uri = new URI(url);
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
            return uri.getPort() < 0 ? host : host + ":" + uri.getPort();
        } catch (URISyntaxException e) {
            return "";
        }
    }

    // A definition list written inside a paragraph leaves the paragraph empty on either side of it.
    private static void dropEmptyParagraphs(Document document) {
        for (Element paragraph : document.select("p")) {
            if (paragraph.childNodeSize() == 0) {
                paragraph.remove();
            }
        }
    }

    // Links that leave the wiki must not pass the reader's session context or earn search rank.
    private static void markExternalLinks(Document document) {
        for (Element link : document.select("a[href]")) {
            String href = link.attr("href");
            if (href.startsWith("http:") || href.startsWith("https:") || href.startsWith("//")) {
                link.attr("rel", "nofollow noopener noreferrer");
                link.addClass("external");
            }
        }
    }
}
