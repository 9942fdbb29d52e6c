package org.clinwiki.title;

import java.util.Locale;
import java.util.Optional;

/** The namespaces a title can live in. The main namespace has no prefix. */
public enum Namespace {
    MAIN(""),
    TALK("Talk"),
    USER("User"),
    CATEGORY("Category"),
    HELP("Help");

    private final String prefix;

    Namespace(String prefix) {
        this.prefix = prefix;
    }

    /** The prefix as written before the colon, e.g. {@code Category}; empty for the main namespace. */
    public String prefix() {
        return prefix;
    }

    /** The name used in JSON and in the database: the prefix, or {@code main}. */
    public String key() {
        return this == MAIN ? "main" : prefix.toLowerCase(Locale.ROOT);
    }

    /** The namespace whose prefix this is, ignoring case; "main" is not a prefix. */
    static Optional<Namespace> ofPrefix(String candidate) {
        for (Namespace namespace : values()) {
            if (namespace != MAIN && namespace.prefix.equalsIgnoreCase(candidate)) {
                return Optional.of(namespace);
            }
        }
        return Optional.empty();
    }

    /** The namespace with this {@link #key()}. */
    public static Optional<Namespace> ofKey(String key) {
        for (Namespace namespace : values()) {
            if (namespace.key().equalsIgnoreCase(key)) {
                return Optional.of(namespace);
            }
        }
        return Optional.empty();
    }
}
