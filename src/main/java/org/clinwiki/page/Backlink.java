package org.clinwiki.page;

import org.clinwiki.title.Title;

/** A page that links to another; {@code redirect} when it is a redirect to it. */
public record Backlink(Title title, boolean redirect) {
}
