package org.clinwiki.mediawiki;

import java.time.Clock;
import java.util.Optional;
import java.util.stream.Collectors;
import org.clinwiki.db.Database;
import org.clinwiki.wikitext.SiteInfo;

/** Finds or records the wiki a dump comes from. */
final class ImportSources {

    private final Database database;
    private final Clock clock;

    ImportSources(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /**
     * The source of a dump, by the name given or else its database name, address or site name:
     * a newer dump of the same wiki finds the same source, so only its new revisions are added.
     */
    ImportSource register(SiteInfo site, Optional<String> given) {
        String name = given.filter(n -> !n.isBlank()).map(String::strip)
                .or(() -> Optional.ofNullable(site.dbName()).filter(n -> !n.isBlank()))
                .or(() -> Optional.ofNullable(site.base()).filter(n -> !n.isBlank()))
                .orElse(siteName(site));
        String namespaces = site.namespaceNames().entrySet().stream().map(entry -> entry.getValue() + "\t" + entry.getKey())
                .sorted().collect(Collectors.joining("\n"));
        String generator = site.generator() == null ? "" : site.generator();
        return database.write(handle -> {
            ImportSourceStore sources = handle.attach(ImportSourceStore.class);
            Optional<ImportSource> known = sources.find(name);
            if (known.isPresent()) {
                sources.touch(known.get().id(), siteName(site), generator, namespaces, clock.instant());
            } else {
                sources.insert(name, siteName(site), site.base() == null ? "" : site.base(), generator, namespaces, clock.instant());
            }
            return sources.find(name).orElseThrow();
        });
    }

    private static String siteName(SiteInfo site) {
        return site.siteName() == null || site.siteName().isBlank() ? "MediaWiki" : site.siteName().strip();
    }
}
