package org.clinwiki.user;

import org.clinwiki.error.InvalidInputException;

/** Cleans short one-line texts people type into profiles: display names, credentials, reasons. */
final class ProfileText {

    private ProfileText() {
    }

    static String clean(String field, String text, int maxLength) {
        String cleaned = text == null ? "" : text.replaceAll("[\\p{Cc}\\p{Cf}\\u2028\\u2029]+", " ").strip();
        if (cleaned.length() > maxLength) {
            throw new InvalidInputException("invalid_" + field, "The " + field.replace('_', ' ')
                    + " can have at most " + maxLength + " characters.");
        }
        return cleaned;
    }
}
