package org.clinwiki.render;

import java.util.Objects;

/**
 * HTML that has passed the {@link Sanitizer}. Only this package can make one, so any
 * {@code SafeHtml} a template writes out unescaped has been through the allowlist.
 */
public final class SafeHtml {

    private final String html;

    SafeHtml(String html) {
        this.html = Objects.requireNonNull(html);
    }

    public String html() {
        return html;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SafeHtml safe && safe.html.equals(html);
    }

    @Override
    public int hashCode() {
        return html.hashCode();
    }

    @Override
    public String toString() {
        return html;
    }
}
