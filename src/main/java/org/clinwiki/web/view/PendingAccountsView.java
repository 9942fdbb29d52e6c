package org.clinwiki.web.view;

import java.util.List;
import java.util.Optional;

/**
 * Accounts waiting for an administrator's approval, by name, one page at a time: {@code after}
 * is where this page starts (empty for the first), {@code nextUrl} the following page. {@code done}
 * says what the last approval did, {@code error} why it was refused.
 */
public record PendingAccountsView(List<Row> rows, String after, Optional<String> nextUrl, Optional<String> done,
                                  Optional<String> error) {

    /** One account as its owner registered it, and when. */
    public record Row(String name, String displayName, String credentials, String registered, String registeredIso) {
    }
}
