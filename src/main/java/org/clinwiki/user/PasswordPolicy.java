package org.clinwiki.user;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.clinwiki.error.InvalidInputException;

/**
 * What a new password must be: long enough, not the user name, not on the shipped list of
 * common passwords ({@code user/common-passwords.txt}), and not one character or two repeated.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 1024;
    private static final int MIN_DISTINCT_CHARACTERS = 4;
    private static final Set<String> COMMON = load("/user/common-passwords.txt");

    private PasswordPolicy() {
    }

    public static void check(String userName, String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            throw new InvalidInputException("weak_password", "A password needs at least " + MIN_LENGTH + " characters.");
        }
        if (password.length() > MAX_LENGTH) {
            throw new InvalidInputException("weak_password", "A password can have at most " + MAX_LENGTH + " characters.");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (lower.contains(userName.toLowerCase(Locale.ROOT))) {
            throw new InvalidInputException("weak_password", "A password cannot contain the user name.");
        }
        if (COMMON.contains(lower.strip())) {
            throw new InvalidInputException("weak_password", "That password is on the list of common passwords; choose another.");
        }
        if (password.codePoints().distinct().count() < MIN_DISTINCT_CHARACTERS) {
            throw new InvalidInputException("weak_password", "A password needs at least " + MIN_DISTINCT_CHARACTERS
                    + " different characters.");
        }
    }

    private static Set<String> load(String resource) {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }
}
