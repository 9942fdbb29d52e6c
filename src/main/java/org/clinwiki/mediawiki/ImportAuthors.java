package org.clinwiki.mediawiki;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.Map;
import org.clinwiki.user.ImportedAccounts;
import org.clinwiki.user.User;
import org.clinwiki.wikitext.Contributor;

/**
 * The accounts standing for a source's authors, made on first sight and remembered for the
 * run. An IP editor is the source's one anonymous author unless addresses are to be kept.
 */
final class ImportAuthors {

    /** What a hidden author's revisions are credited to. */
    static final String HIDDEN = "Hidden user";

    private final ImportedAccounts accounts;
    private final long sourceId;
    private final boolean keepAddresses;
    private final Map<String, User> known = new HashMap<>();
    private final Set<String> hiddenAddresses = new HashSet<>();
    private long anonymousRevisions;

    private ImportAuthors(ImportedAccounts accounts, long sourceId, boolean keepAddresses) {
        this.accounts = accounts;
        this.sourceId = sourceId;
        this.keepAddresses = keepAddresses;
    }

    /** Makes the authors of one source's run. */
    public record Factory(ImportedAccounts accounts) {

        ImportAuthors forSource(ImportSource source, boolean keepAddresses) {
            return new ImportAuthors(accounts, source.id(), keepAddresses);
        }
    }

    User of(Contributor contributor) {
        String name = switch (contributor) {
            case Contributor.Registered registered -> registered.name();
            case Contributor.Anonymous anonymous -> keepAddresses ? anonymous.ip() : hide(anonymous.ip());
            case Contributor.Deleted deleted -> HIDDEN;
        };
        return known.computeIfAbsent(name, author -> accounts.account(sourceId, author));
    }

    private String hide(String address) {
        anonymousRevisions++;
        hiddenAddresses.add(address);
        return ImportedAccounts.ANONYMOUS;
    }

    /** What the run did with IP editors' addresses, for the report; empty when there were none. */
    Optional<String> hiddenAddresses() {
        if (anonymousRevisions == 0) {
            return Optional.empty();
        }
        return Optional.of(anonymousRevisions + " revisions by " + hiddenAddresses.size()
                + " IP addresses credited to Anonymous; the addresses were not kept (--keep-ip-addresses keeps them)");
    }

    /** The account of an author known only by name (an upload's uploader). */
    User named(String name) {
        return known.computeIfAbsent(name, author -> accounts.account(sourceId, author));
    }
}
