package org.clinwiki.cli;

/** A command could not do its job for a reason the user can act on; the message says it. */
final class CommandFailedException extends RuntimeException {

    CommandFailedException(String message) {
        super(message);
    }
}
