package org.clinwiki.user;

import java.util.Locale;
import java.util.regex.Pattern;
import org.clinwiki.error.InvalidInputException;

/** Rules for user names: 2-40 letters, digits, dots, hyphens or underscores; unique ignoring case. */
public final class UserNames {

    private static final int MAX_LENGTH = 40;
    private static final Pattern VALID = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._-]{1,39}");

    private UserNames() {
    }

    /** Whether {@code name} keeps the rules; cheap whatever its length. */
    public static boolean isValid(String name) {
        return name != null && name.length() <= MAX_LENGTH && VALID.matcher(name).matches();
    }

    /** The name, checked; throws {@code invalid_username} when it breaks the rules. */
    public static String check(String name) {
        if (!isValid(name)) {
            throw new InvalidInputException("invalid_username",
                    "A user name is 2 to 40 letters, digits, dots, hyphens or underscores, starting with a letter or digit.");
        }
        return name;
    }

    /** The form names are compared in. */
    public static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
