package org.clinwiki.file;

import org.clinwiki.error.WikiException;

/** An upload over the size allowed for one file, or one that would take the wiki's files over their total. */
public final class FileTooLargeException extends WikiException {

    private FileTooLargeException(String code, String message) {
        super(Kind.TOO_LARGE, code, message);
    }

    public static FileTooLargeException file(long bytes, long limit) {
        return new FileTooLargeException("file_too_large",
                "The file is " + bytes + " bytes; files may be at most " + limit + " bytes.");
    }

    public static FileTooLargeException storage(long limit) {
        return new FileTooLargeException("storage_full",
                "The wiki's files would take more than the " + limit + " bytes allowed; an administrator can raise the limit.");
    }
}
