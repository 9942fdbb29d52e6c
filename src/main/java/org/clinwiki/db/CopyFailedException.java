package org.clinwiki.db;

/**
 * {@link DatabaseCopy} refused or could not finish the copy. The copy writes in one transaction,
 * so the target is left as it was; the message says why, for the person running it.
 */
public final class CopyFailedException extends RuntimeException {

    public CopyFailedException(String message) {
        super(message);
    }

    public CopyFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
