package org.clinwiki.file;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.clinwiki.db.Database;
import org.clinwiki.page.Page;
import org.clinwiki.page.PageReader;
import org.clinwiki.page.Revision;
import org.clinwiki.page.SaveResult;
import org.clinwiki.title.Title;

/**
 * Files imported with their wiki's history: there, each upload made a revision of the file's
 * page, and those revisions were imported with the page. A version is attached to the imported
 * revision its upload made (the nearest in time, within a couple of minutes, not yet holding a
 * version), so the history shows each upload once, by its uploader, at its time. Imported twice,
 * a version already attached is left as it is.
 */
final class ImportedUploads {

    /** How far an upload's time and its page revision's time may lie apart (MediaWiki writes them a second or so apart). */
    private static final Duration NEAR = Duration.ofMinutes(2);
    private static final int HISTORY = 500;

    private final Database database;
    private final PageReader reader;
    private final FileLimits limits;

    ImportedUploads(Database database, PageReader reader, FileLimits limits) {
        this.database = database;
        this.reader = reader;
        this.limits = limits;
    }

    /** A checked, cleaned version to store. */
    record Version(String sha256, byte[] bytes, String mediaType, int width, int height, String comment) {
    }

    /** The version attached to its imported revision, or empty when the page has no revision for it. */
    Optional<FileService.Uploaded> attach(Title title, Version version, FileService.Uploader uploader) {
        Optional<Page> page = reader.find(title, Optional.empty());
        if (page.isEmpty()) {
            return Optional.empty();
        }
        long pageId = page.get().id();
        List<FileVersion> versions = database.read(FileStore.class, store -> store.versions(pageId, HISTORY));
        Optional<FileVersion> same = versions.stream()
                .filter(v -> v.sha256().equals(version.sha256()) && near(v.timestamp(), uploader)).findFirst();
        if (same.isPresent()) {
            return Optional.of(new FileService.Uploaded(SaveResult.Outcome.UNCHANGED, title, same.get()));
        }
        Set<Long> holding = versions.stream().map(FileVersion::revisionId).collect(Collectors.toSet());
        Optional<Revision> made = reader.history(title, Long.MAX_VALUE, HISTORY, Optional.empty()).stream()
                .filter(revision -> !holding.contains(revision.id()) && near(revision.timestamp(), uploader))
                .min((a, b) -> Long.compare(distance(a.timestamp(), uploader), distance(b.timestamp(), uploader)));
        if (made.isEmpty()) {
            return Optional.empty();
        }
        long id = database.write(handle -> {
            FileStore store = handle.attach(FileStore.class);
            if (store.storedBytes() + version.bytes().length > limits.maxStoredBytes()) {
                throw FileTooLargeException.storage(limits.maxStoredBytes());
            }
            store.addBlob(version.sha256(), version.bytes().length, version.bytes());
            return store.addVersion(pageId, made.get().id(), version.sha256(), version.bytes().length, version.mediaType(),
                    version.width(), version.height(), version.comment(), null);
        });
        FileVersion added = database.read(FileStore.class, store -> store.version(pageId, id)).orElseThrow();
        return Optional.of(new FileService.Uploaded(SaveResult.Outcome.SAVED, title, added));
    }

    private static boolean near(Instant at, FileService.Uploader uploader) {
        return distance(at, uploader) <= NEAR.toMillis();
    }

    private static long distance(Instant at, FileService.Uploader uploader) {
        return Math.abs(at.toEpochMilli() - uploader.at().toEpochMilli());
    }
}
