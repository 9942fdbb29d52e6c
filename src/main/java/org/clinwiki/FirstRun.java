package org.clinwiki;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.clinwiki.title.Title;
import org.clinwiki.user.Actor;
import org.clinwiki.user.User;

/**
 * What a new wiki starts with: an administrator with a one-time password, a Main Page and help
 * pages on editing. Runs at {@code serve}; does nothing for a wiki that already has them.
 */
public final class FirstRun {

    /** The account Clinwiki's own edits (seeded pages, imports) are attributed to. */
    public static final String SYSTEM_ACCOUNT = "Clinwiki";
    public static final String ADMIN_ACCOUNT = "admin";

    private static final List<String> SEED_PAGES = List.of(
            "Main_Page", "Help:Editing", "Help:Markdown", "Help:Wiki_links", "Help:Categories", "Help:References",
            "Category:Help");

    private FirstRun() {
    }

    /** Seeds an empty wiki. Returns the administrator's one-time password if it created the account. */
    public static Optional<String> prepare(Wiki wiki) {
        Optional<String> password = Optional.empty();
        if (!wiki.users().hasAnyAdmin()) {
            password = Optional.of(wiki.users().createAdminWithOneTimePassword(ADMIN_ACCOUNT));
        }
        if (!wiki.reader().hasAnyPage()) {
            seedPages(wiki);
        }
        return password;
    }

    public static Actor systemActor(Wiki wiki) {
        User system = wiki.users().systemAccount(SYSTEM_ACCOUNT);
        return new Actor(system, "local");
    }

    private static void seedPages(Wiki wiki) {
        Actor actor = systemActor(wiki);
        for (String name : SEED_PAGES) {
            wiki.pages().replace(actor, Title.parse(name), resource("/seed/" + name + ".md"), "Created with the new wiki");
        }
    }

    private static String resource(String path) {
        try (InputStream in = FirstRun.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing seed page " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
