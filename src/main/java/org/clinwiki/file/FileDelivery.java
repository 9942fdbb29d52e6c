package org.clinwiki.file;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import org.clinwiki.db.Database;
import org.clinwiki.error.InvalidInputException;
import org.clinwiki.limit.Gate;
import org.clinwiki.page.Page;
import org.clinwiki.page.PageReader;
import org.clinwiki.render.ThumbnailWidths;
import org.clinwiki.title.Title;
import org.clinwiki.user.User;

/**
 * Files' bytes as they are sent: each version copied once from the database into a cache on
 * disk, thumbnails made beside it on demand, both rebuilt whenever the cache is gone. A file
 * whose page is deleted is sent only to those who may see deleted pages. Thread-safe.
 */
public final class FileDelivery {

    private final Database database;
    private final PageReader reader;
    private final Thumbnails thumbnails;
    private final Path originals;
    /** Making a thumbnail decodes the whole image: as many at once as there are cores; a page's first view asks for several. */
    private final Object[] thumbnailLocks = newLocks(64);
    private final Gate thumbnailing = new Gate("Making thumbnails", Runtime.getRuntime().availableProcessors(), 64,
            Duration.ofSeconds(30));

    /** {@code cacheDir} holds copies of files' bytes and their thumbnails. */
    public FileDelivery(Database database, PageReader reader, Path cacheDir) {
        this.database = database;
        this.reader = reader;
        this.thumbnails = new Thumbnails(cacheDir.resolve("thumbnails"));
        this.originals = cacheDir.resolve("originals");
    }

    /** Bytes to send: a version of a file (or a thumbnail of it) in a file on disk, and its media type. */
    public record Served(Title title, FileVersion version, Path path, String mediaType, int width, boolean deleted) {
    }

    /**
     * A version of the file (the latest unless {@code versionId} is given), or a thumbnail of it
     * {@code width} pixels wide (0 for the original), as a file on disk.
     */
    public Served serve(Title title, OptionalLong versionId, int width, Optional<User> viewer) {
        FileService.requireFileTitle(title);
        // Only the page (to honour deletion) and the one version asked for: files are fetched far more often than listed.
        Page page = reader.find(title, viewer).orElseThrow(() -> new FileNotFoundException(title));
        FileVersion version = database.read(FileStore.class, store -> versionId.isEmpty() ? store.latest(page.id())
                        : store.version(page.id(), versionId.getAsLong()))
                .orElseThrow(() -> versionId.isEmpty() ? new FileNotFoundException(title)
                        : new FileNotFoundException(title, versionId.getAsLong()));
        if (width < 0 || width > 100_000) {
            throw new InvalidInputException("invalid_width", "The width must be a number of pixels.");
        }
        Path original = original(version);
        FileType type = FileType.ofMediaType(version.mediaType());
        int snapped = ThumbnailWidths.snap(width, version.width());
        if (width == 0 || type.display() != FileType.Display.RASTER || snapped >= version.width()) {
            return new Served(title, version, original, version.mediaType(), version.width(), page.deleted());
        }
        Path thumbnail = thumbnails.cached(version.sha256(), type, snapped)
                .orElseGet(() -> thumbnailing.call(() -> makeOnce(version.sha256(), type, original, snapped)));
        String thumbnailType = type.equals(FileType.JPEG) ? FileType.JPEG.mediaType() : FileType.PNG.mediaType();
        return new Served(title, version, thumbnail, thumbnailType, snapped, page.deleted());
    }

    /** Makes a thumbnail unless a request that asked for it at the same moment made it already. */
    private Path makeOnce(String sha256, FileType type, Path original, int width) {
        synchronized (thumbnailLocks[Math.floorMod((sha256 + width).hashCode(), thumbnailLocks.length)]) {
            return thumbnails.cached(sha256, type, width).orElseGet(() -> thumbnails.thumbnail(sha256, type, read(original), width));
        }
    }

    /** The version's bytes in the cache on disk, copied there from the database the first time they are asked for. */
    private Path original(FileVersion version) {
        String sha = version.sha256();
        Path path = originals.resolve(sha.substring(0, 2)).resolve(sha);
        if (Files.exists(path)) {
            return path;
        }
        byte[] bytes = database.read(FileStore.class, store -> store.content(sha)).orElseThrow();
        try {
            Files.createDirectories(path.getParent());
            Path temporary = Files.createTempFile(path.getParent(), sha, ".part");
            Files.write(temporary, bytes);
            try {
                Files.move(temporary, path, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING);
            }
            return path;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot cache file " + sha + " in " + originals, e);
        }
    }

    private static byte[] read(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object[] newLocks(int count) {
        Object[] locks = new Object[count];
        for (int i = 0; i < count; i++) {
            locks[i] = new Object();
        }
        return locks;
    }
}
