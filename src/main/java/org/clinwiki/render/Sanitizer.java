package org.clinwiki.render;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * The one allowlist every rendered page passes through. Nothing outside it reaches a browser:
 * no script, style, iframe, object, embed, form or SVG, no event handler or style attribute, and
 * only http, https and mailto URLs (plus site-relative ones). Thread-safe.
 */
public final class Sanitizer {

    // Relative links resolve against this during cleaning, so "/wiki/X" and "#fn-1" are kept.
    private static final String BASE_URI = "https://clinwiki.invalid/";

    private final Safelist safelist = Safelist.relaxed()
            .addTags("del", "s", "ins", "mark", "hr", "sup", "sub", "div", "span", "abbr", "nav")
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
        markExternalLinks(clean);
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
