package org.clinwiki.page;

import org.clinwiki.error.WikiException;

/**
 * The page changed since the editor's base revision and the changes clash. Carries what the
 * editor needs to resolve it: the latest revision id and text, and the editor's own text.
 */
public final class EditConflictException extends WikiException {

    private final long latestRevisionId;
    private final String latestMarkdown;
    private final String yourMarkdown;

    public EditConflictException(long latestRevisionId, String latestMarkdown, String yourMarkdown, String message) {
        super(Kind.CONFLICT, "edit_conflict", message);
        this.latestRevisionId = latestRevisionId;
        this.latestMarkdown = latestMarkdown;
        this.yourMarkdown = yourMarkdown;
    }

    public long latestRevisionId() {
        return latestRevisionId;
    }

    public String latestMarkdown() {
        return latestMarkdown;
    }

    public String yourMarkdown() {
        return yourMarkdown;
    }
}
