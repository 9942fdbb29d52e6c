package org.clinwiki.web.view;

import java.util.Optional;

/**
 * The form for changing one's own password: who is changing it (for password managers), why the
 * last try was refused, or that it worked; {@code oneTime} when the account still has the
 * one-time password it was created with and must change it before doing anything else.
 */
public record ChangePasswordView(String username, boolean oneTime, Optional<String> error, Optional<String> done) {
}
