package org.clinwiki.web.view;

/** An administrator's controls for one page: who may edit it, and deleting or restoring it. */
public record PageAdminView(String title, String path, String editRole, boolean deleted, String done) {
}
