package org.clinwiki.web.view;

import java.util.Optional;

/**
 * The registration form: what was typed (never the password), why it was refused, or what
 * happens next once it was accepted; {@code closed} when the wiki takes no registrations.
 */
public record RegisterView(String username, String displayName, String credentials, Optional<String> error,
                           Optional<String> done, boolean closed, boolean needsApproval) {
}
