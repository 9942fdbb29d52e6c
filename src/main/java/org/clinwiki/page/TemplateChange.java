package org.clinwiki.page;

import org.clinwiki.title.Title;

/** A queued change of a transcluded page: the pages using {@code title} still show what it said before. */
record TemplateChange(long id, Title title) {
}
