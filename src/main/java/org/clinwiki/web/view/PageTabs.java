package org.clinwiki.web.view;

/**
 * The tabs above a page: the subject page and its talk page on one side; read, edit and
 * history on the other. {@code selected} is "read", "edit" or "history".
 */
public record PageTabs(Link subject, Link talk, boolean onTalk, String path, String selected, boolean canEdit,
                       boolean exists) {

    public String editLabel() {
        if (!canEdit) {
            return "View source";
        }
        return exists ? "Edit" : "Create";
    }
}
