package org.clinwiki.title;

import java.util.Optional;

/**
 * The namespaces a title can live in, each subject namespace with its talk namespace, numbered
 * as MediaWiki numbers them so an imported wiki maps one to one. The main namespace has no
 * prefix.
 */
public enum Namespace {
    MAIN(0, "", "main"),
    TALK(1, "Talk", "talk"),
    USER(2, "User", "user"),
    USER_TALK(3, "User talk", "user_talk"),
    /** About the wiki itself (policies, guides); MediaWiki names it after the site, e.g. {@code Clinfowiki:}. */
    PROJECT(4, "Project", "project"),
    PROJECT_TALK(5, "Project talk", "project_talk"),
    FILE(6, "File", "file"),
    FILE_TALK(7, "File talk", "file_talk"),
    TEMPLATE(10, "Template", "template"),
    TEMPLATE_TALK(11, "Template talk", "template_talk"),
    HELP(12, "Help", "help"),
    HELP_TALK(13, "Help talk", "help_talk"),
    CATEGORY(14, "Category", "category"),
    CATEGORY_TALK(15, "Category talk", "category_talk");

    private final int number;
    private final String prefix;
    private final String key;

    Namespace(int number, String prefix, String key) {
        this.number = number;
        this.prefix = prefix;
        this.key = key;
    }

    /** MediaWiki's number for the namespace: even for subjects, the next odd one for their talk. */
    public int number() {
        return number;
    }

    /** The prefix as written before the colon, e.g. {@code Category}; empty for the main namespace. */
    public String prefix() {
        return prefix;
    }

    /** The name used in JSON, URLs and the database: {@code main}, {@code user_talk}. */
    public String key() {
        return key;
    }

    public boolean isTalk() {
        return number % 2 == 1;
    }

    /** Where pages of this namespace are discussed; a talk namespace is its own. */
    public Namespace talk() {
        return isTalk() ? this : ofNumber(number + 1);
    }

    /** The namespace a talk namespace discusses; a subject namespace is its own. */
    public Namespace subject() {
        return isTalk() ? ofNumber(number - 1) : this;
    }

    private static Namespace ofNumber(int number) {
        return byNumber(number).orElseThrow(() -> new IllegalStateException("No namespace numbered " + number));
    }

    /** The namespace MediaWiki numbers so, if Clinwiki has it. */
    public static Optional<Namespace> byNumber(int number) {
        for (Namespace namespace : values()) {
            if (namespace.number == number) {
                return Optional.of(namespace);
            }
        }
        return Optional.empty();
    }

    /**
     * The namespace whose prefix this is, ignoring case; "main" is not a prefix. MediaWiki's old
     * name for files, {@code Image:}, still means {@code File:} in links and imported text.
     */
    static Optional<Namespace> ofPrefix(String candidate) {
        if (candidate.equalsIgnoreCase("Image")) {
            return Optional.of(FILE);
        }
        if (candidate.equalsIgnoreCase("Image talk")) {
            return Optional.of(FILE_TALK);
        }
        for (Namespace namespace : values()) {
            if (namespace != MAIN && namespace.prefix.equalsIgnoreCase(candidate)) {
                return Optional.of(namespace);
            }
        }
        return Optional.empty();
    }

    /** The namespace with this {@link #key()}; a space for the underscore is accepted too. */
    public static Optional<Namespace> ofKey(String key) {
        String wanted = key.strip().replace(' ', '_');
        for (Namespace namespace : values()) {
            if (namespace.key.equalsIgnoreCase(wanted)) {
                return Optional.of(namespace);
            }
        }
        return Optional.empty();
    }
}
