package org.clinwiki.web.view;

import java.util.Optional;

/** The login form, with the path to return to and why the last try failed. */
public record LoginView(String username, String returnTo, Optional<String> error) {
}
