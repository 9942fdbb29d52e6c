package org.clinwiki.title;

/**
 * The start of a title, for listing titles that begin with it: {@code "category:clin"} is the
 * Category namespace and names starting with {@code "Clin"}. Normalised like a title.
 */
public record TitlePrefix(Namespace namespace, String name) {

    public static TitlePrefix parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return new TitlePrefix(Namespace.MAIN, "");
        }
        // Parse it as a title with one more character, so a trailing space or a bare "Category:" survives.
        Title title = Title.parse(raw.replace('_', ' ') + "x");
        return new TitlePrefix(title.namespace(), title.name().substring(0, title.name().length() - 1));
    }
}
