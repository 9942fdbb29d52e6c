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
 * What a new wiki starts with: an administrator with a one-time password, a Main Page, help
 * pages on editing and a stub template. Runs at {@code serve}; does nothing for a wiki that
 * already has them.
 */
public final class FirstRun {

    /** The account Clinwiki's own edits (seeded pages, imports) are attributed to. */
    public static final String SYSTEM_ACCOUNT = "Clinwiki";
    public static final String ADMIN_ACCOUNT = "admin";

    private static final List<String> SEED_PAGES = List.of(
            "Main_Page", "Help:Editing", "Help:Markdown", "Help:Wiki_links", "Help:Categories", "Help:References",
            "Help:Templates", "Help:Talk_pages", "Help:Files", "Template:Stub", "Category:Help");

    private FirstRun() {
    }

    /**
     * Seeds an empty wiki. Returns the administrator's one-time password if it created the account:
     * of several nodes starting together on one empty database, exactly one does.
     */
    public static Optional<String> prepare(Wiki wiki) {
        return wiki.duringSetup(() -> {
            Optional<String> password = Optional.empty();
            if (!wiki.users().hasAnyAdmin()) {
                password = Optional.of(wiki.users().createAdminWithOneTimePassword(ADMIN_ACCOUNT));
            }
            seedPages(wiki);
            return password;
        });
    }

    public static Actor systemActor(Wiki wiki) {
        User system = wiki.users().systemAccount(SYSTEM_ACCOUNT);
        return new Actor(system, "local");
    }

    /**
     * Writes each seed page the wiki has never had, so a wiki made by an older version gets the
     * help pages added since; one deleted on purpose stays deleted.
     */
    private static void seedPages(Wiki wiki) {
        Actor actor = null;
        for (String name : SEED_PAGES) {
            Title title = Title.parse(name);
            if (wiki.reader().everExisted(title)) {
                continue;
            }
            actor = actor == null ? systemActor(wiki) : actor;
            wiki.pages().replace(actor, title, resource("/seed/" + name + ".md"), "Created with the new wiki");
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
