package org.clinwiki.user;

import java.util.Locale;
import org.clinwiki.InvalidInputException;

/** What a new password must be: long enough, and not the user name. */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 1024;

    private PasswordPolicy() {
    }

    public static void check(String userName, String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            throw new InvalidInputException("weak_password", "A password needs at least " + MIN_LENGTH + " characters.");
        }
        if (password.length() > MAX_LENGTH) {
            throw new InvalidInputException("weak_password", "A password can have at most " + MAX_LENGTH + " characters.");
        }
        if (password.toLowerCase(Locale.ROOT).contains(userName.toLowerCase(Locale.ROOT))) {
            throw new InvalidInputException("weak_password", "A password cannot contain the user name.");
        }
    }
}
