package org.clinwiki.render;

import com.vladsch.flexmark.ext.wikilink.WikiLink;
import com.vladsch.flexmark.html.renderer.HeaderIdGenerator;
import java.util.Optional;
import org.clinwiki.title.InvalidTitleException;
import org.clinwiki.title.Title;

/**
 * What a {@code [[...]]} link points at. {@code [[Category:X]]} (without a leading colon)
 * assigns a category instead of linking; {@code [[#Section]]} links within the page.
 */
record WikiLinkTarget(Optional<Title> title, String anchor, String label, boolean assignsCategory) {

    static final String HEADING_DASH_CHARS = " -_";

    static Optional<WikiLinkTarget> of(WikiLink node) {
        String raw = node.getLink().toString().strip();
        boolean leadingColon = raw.startsWith(":");
        int hash = raw.indexOf('#');
        String page = hash >= 0 ? raw.substring(0, hash) : raw;
        String anchor = hash >= 0 ? raw.substring(hash + 1).strip() : "";
        String label = node.getText().isNotNull() ? node.getText().toString().strip() : "";
        if (label.isEmpty()) {
            label = leadingColon ? raw.substring(1).strip() : raw;
        }
        if (page.isBlank() || page.strip().equals(":")) {
            return anchor.isEmpty() ? Optional.empty()
                    : Optional.of(new WikiLinkTarget(Optional.empty(), anchor, label, false));
        }
        try {
            Title title = Title.parse(page);
            return Optional.of(new WikiLinkTarget(Optional.of(title), anchor, label, !leadingColon && title.isCategory()));
        } catch (InvalidTitleException e) {
            return Optional.empty();
        }
    }

    /** The link's href: {@code /wiki/Title#section-id}, or {@code #section-id} within the page. */
    String href() {
        String fragment = anchor.isEmpty() ? "" : "#" + headingId(anchor);
        return title.map(t -> t.wikiPath() + fragment).orElse(fragment);
    }

    /** The id a heading with this text gets, so that {@code [[Page#Some heading]]} finds it. */
    static String headingId(String headingText) {
        return HeaderIdGenerator.generateId(headingText, HEADING_DASH_CHARS, "", true, true);
    }
}
