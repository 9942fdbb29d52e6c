package org.clinwiki.user;

import java.time.Clock;
import java.util.Optional;
import org.clinwiki.db.Database;
import org.clinwiki.db.Transaction;
import org.clinwiki.error.InvalidInputException;

/**
 * Accounts for the authors of another wiki's imported revisions, so each revision keeps its
 * author: shown with the author's name, listed in contributions, but unable to log in (pending,
 * no password) until an administrator approves the account and gives it a password, or merges
 * it into the person's real account. Editors who had only an IP address share one anonymous
 * account per source, so no address is kept. Thread-safe.
 */
public final class ImportedAccounts {

    /** The name there of anonymous editors. */
    public static final String ANONYMOUS = "";

    private static final int TRIES = 100;

    private final Database database;
    private final Confusables confusables = new Confusables();
    private final Clock clock;

    public ImportedAccounts(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /**
     * The account standing for {@code authorName} of source {@code sourceId}, made on first sight.
     * The user name is the author's name made valid here ("Alice Nurse" becomes "Alice_Nurse");
     * when that name, or one that looks like it, belongs to someone else, a number is added: an
     * imported author never takes over an existing account.
     */
    public User account(long sourceId, String authorName) {
        String display = authorName.equals(ANONYMOUS) ? "Anonymous" : displayName(authorName);
        return database.write(handle -> {
            UserStore users = handle.attach(UserStore.class);
            Optional<User> known = users.findImported(sourceId, authorName);
            if (known.isPresent()) {
                return known.get();
            }
            String base = userName(display);
            for (int attempt = 1; attempt <= TRIES; attempt++) {
                String name = attempt == 1 ? base : suffixed(base, attempt);
                String skeleton = confusables.skeleton(name);
                if (users.findByKey(UserNames.key(name)).isPresent() || users.findBySkeleton(skeleton).isPresent()) {
                    continue;
                }
                long id = users.insert(name, UserNames.key(name), skeleton, display, "", Role.EDITOR.key(),
                        AccountStatus.PENDING.key(), null, false, clock.instant());
                users.markImported(id, sourceId, authorName);
                return users.findById(id).orElseThrow();
            }
            throw new IllegalStateException("No free user name for the imported author \"" + authorName + "\"");
        });
    }

    /**
     * Inside the caller's transaction, after the imported account's revisions were moved: the real
     * account takes the imported one's place, so a later import of that wiki credits it directly,
     * and the imported account is left without a name there (it has no revisions any more).
     */
    public Merged merge(Transaction transaction, String importedName, String intoName) {
        UserStore users = transaction.attach(UserStore.class);
        User from = users.findByKey(UserNames.key(importedName)).orElseThrow(() -> new UserNotFoundException(importedName));
        User into = users.findByKey(UserNames.key(intoName)).orElseThrow(() -> new UserNotFoundException(intoName));
        Optional<ImportedName> origin = users.importedName(from.id());
        if (origin.isEmpty()) {
            throw new InvalidInputException("not_imported", "\"" + from.name() + "\" is not an account made by an import.");
        }
        if (from.id() == into.id()) {
            throw new InvalidInputException("same_account", "An account cannot be merged into itself.");
        }
        if (users.importedName(into.id()).isPresent()) {
            throw new InvalidInputException("into_imported", "\"" + into.name()
                    + "\" already stands for an imported author; merge into an account made here that does not.");
        }
        users.clearImported(from.id());
        users.markImported(into.id(), origin.get().sourceId(), origin.get().name());
        return new Merged(from, into);
    }

    /** The two accounts of a merge. */
    public record Merged(User from, User into) {
    }

    /** Where an imported account came from: the source and the author's name there. */
    public record ImportedName(long sourceId, String name) {
    }

    /** The wiki an account's edits were imported from, if it is such an account. */
    public Optional<String> importedFrom(User user) {
        return database.read(UserStore.class, users -> users.importedFrom(user.id()));
    }

    private static String displayName(String authorName) {
        String display = authorName.replaceAll("\\p{Cntrl}", "").strip();
        return display.length() <= UserService.DISPLAY_NAME_MAX ? display : display.substring(0, UserService.DISPLAY_NAME_MAX);
    }

    /** The author's name as a valid user name: what is not a letter, digit, dot or hyphen becomes an underscore. */
    static String userName(String authorName) {
        StringBuilder name = new StringBuilder();
        authorName.strip().codePoints().forEach(c -> name.appendCodePoint(
                Character.isLetterOrDigit(c) || c == '.' || c == '-' ? c : '_'));
        String candidate = name.toString().replaceAll("_+", "_").replaceAll("^[._-]+", "");
        if (candidate.length() > 36) {
            candidate = candidate.substring(0, 36);
        }
        return UserNames.isValid(candidate) ? candidate : "Imported_user";
    }

    private static String suffixed(String base, int attempt) {
        return base + "-" + attempt;
    }
}
