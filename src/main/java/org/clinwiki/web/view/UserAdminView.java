package org.clinwiki.web.view;

import java.util.Optional;

/** An administrator's controls for one account: its role, and blocking or unblocking it. */
public record UserAdminView(String name, String displayName, String role, String status, Optional<String> blockedBecause,
                            Optional<String> blockedUntil, String done) {
}
