package org.clinwiki.file;

import org.clinwiki.error.WikiException;

/** An image whose pixels (or frames) would take too much memory to decode: refused before decoding. */
public final class ImageTooLargeException extends WikiException {

    public ImageTooLargeException(String message) {
        super(Kind.TOO_LARGE, "image_too_large", message);
    }
}
