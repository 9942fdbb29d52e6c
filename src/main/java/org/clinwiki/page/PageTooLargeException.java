package org.clinwiki.page;

import org.clinwiki.error.WikiException;

/** Page text over the size limit. */
public final class PageTooLargeException extends WikiException {

    public PageTooLargeException(long bytes, long limit) {
        super(Kind.TOO_LARGE, "too_large", "The page text is " + bytes + " bytes; the limit is " + limit + " bytes.");
    }
}
