package org.clinwiki.user;

import java.util.Locale;

/** What a login token is for: a program's bearer token, or a browser's session cookie. */
public enum TokenKind {
    API,
    SESSION;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    static TokenKind ofKey(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }
}
