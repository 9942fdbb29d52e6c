package org.clinwiki.render;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clinwiki.title.Title;
import org.jsoup.nodes.Entities;

/**
 * Marks wiki links to missing pages in already-sanitised HTML, without rendering again.
 * Wiki links leave the sanitiser as exactly {@code <a href="/wiki/PATH" class="wikilink">}
 * (page text cannot produce raw tags, since the Markdown parser escapes HTML), so one regular
 * expression pass finds them all.
 */
final class LinkMarker {

    private static final Pattern WIKI_LINK = Pattern.compile(
            "<a href=\"/wiki/([^\"#]*)(#[^\"]*)?\" class=\"" + WikiSyntax.LINK_CLASS + "\">");

    private LinkMarker() {
    }

    static SafeHtml markMissing(SafeHtml html, Set<Title> missing) {
        if (missing.isEmpty()) {
            return html;
        }
        Map<String, Title> missingByPath = new HashMap<>();
        for (Title title : missing) {
            missingByPath.put(title.urlPath(), title);
        }
        Matcher matcher = WIKI_LINK.matcher(html.html());
        StringBuilder out = new StringBuilder(html.html().length() + missing.size() * 64);
        while (matcher.find()) {
            Title title = missingByPath.get(matcher.group(1));
            String replacement = title == null ? matcher.group()
                    : "<a href=\"/wiki/" + matcher.group(1) + (matcher.group(2) == null ? "" : matcher.group(2))
                      + "\" class=\"" + WikiSyntax.LINK_CLASS + " new\" title=\""
                      + Entities.escape(title.text() + " (page does not exist)") + "\">";
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return new SafeHtml(out.toString());
    }
}
