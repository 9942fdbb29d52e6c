package org.clinwiki.web;

import org.clinwiki.title.Namespace;
import org.clinwiki.title.Title;
import org.clinwiki.web.view.Link;
import org.clinwiki.web.view.PageTabs;

/** Builds the tabs above a page: subject and talk page, read, edit and history. */
final class Tabs {

    private Tabs() {
    }

    static PageTabs of(Title title, String selected, boolean exists, boolean canEdit) {
        Title subject = title.subject();
        Title talk = title.talk();
        return new PageTabs(new Link(subject.wikiPath(), subjectLabel(subject.namespace())),
                new Link(talk.wikiPath(), "Talk"), title.isTalk(),
                title.urlPath(), selected, canEdit, exists);
    }

    private static String subjectLabel(Namespace namespace) {
        return switch (namespace) {
            case CATEGORY -> "Category";
            case HELP -> "Help page";
            case USER -> "User page";
            case TEMPLATE -> "Template";
            case FILE -> "File";
            case PROJECT -> "Project page";
            default -> "Article";
        };
    }
}
