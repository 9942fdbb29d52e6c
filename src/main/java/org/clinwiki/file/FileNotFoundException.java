package org.clinwiki.file;

import org.clinwiki.error.WikiException;
import org.clinwiki.title.Title;

/** No such file, or no such version of it, or one the viewer may not see. */
public final class FileNotFoundException extends WikiException {

    public FileNotFoundException(Title title) {
        super(Kind.NOT_FOUND, "file_not_found", "There is no file \"" + title.name() + "\".");
    }

    public FileNotFoundException(Title title, long versionId) {
        super(Kind.NOT_FOUND, "file_not_found", "File \"" + title.name() + "\" has no version " + versionId + ".");
    }
}
