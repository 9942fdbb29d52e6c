package org.clinwiki.file;

import org.clinwiki.error.WikiException;

/** Bytes that are not an allowed type, or whose type does not match the file's name. */
public final class UnsupportedFileException extends WikiException {

    public UnsupportedFileException(String message) {
        super(Kind.UNSUPPORTED, "unsupported_file", message);
    }
}
