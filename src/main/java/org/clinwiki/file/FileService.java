package org.clinwiki.file;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import org.clinwiki.db.Database;
import org.clinwiki.error.ConflictException;
import org.clinwiki.error.InvalidInputException;
import org.clinwiki.limit.Gate;
import org.clinwiki.limit.Throttle;
import org.clinwiki.page.Page;
import org.clinwiki.page.PageReader;
import org.clinwiki.page.SaveResult;
import org.clinwiki.page.UploadRevisions;
import org.clinwiki.title.InvalidTitleException;
import org.clinwiki.title.Namespace;
import org.clinwiki.title.Title;
import org.clinwiki.user.Actor;
import org.clinwiki.user.Permissions;
import org.clinwiki.user.Right;
import org.clinwiki.user.User;

/**
 * Uploads and the files they make. An upload is checked and cleaned before anything is stored
 * (type from the bytes, metadata removed, SVG sanitised), hashed, and then recorded in one
 * transaction with a revision of the file's page; bytes already stored are not stored again.
 * Deleting the file's page hides the file; {@link FileDelivery} sends the bytes. Thread-safe.
 */
public final class FileService {

    private static final int VERSIONS_SHOWN = 200;

    private final Database database;
    private final UploadRevisions uploadRevisions;
    private final PageReader reader;
    private final Permissions permissions;
    private final UploadInspector inspector;
    private final SvgSanitizer svgs;
    private final FileLimits limits;
    private final Throttle uploads;
    /**
     * Decoding a photo at the pixel limit takes about half a gigabyte: one upload is checked at a
     * time per two cores, and a few more may wait briefly; the rest are told the server is busy.
     */
    private final Gate checks = new Gate("Checking uploaded files", Math.max(1, Runtime.getRuntime().availableProcessors() / 2), 4,
            Duration.ofSeconds(30));
    /** {@code uploadsPerMinute} is per user. */
    public FileService(Database database, UploadRevisions uploadRevisions, PageReader reader, Permissions permissions, FileLimits limits,
                       int uploadsPerMinute) {
        this.database = database;
        this.uploadRevisions = uploadRevisions;
        this.reader = reader;
        this.permissions = permissions;
        this.limits = limits;
        this.inspector = new UploadInspector(new FileTypes(limits.extraMediaTypes()),
                ImageLimits.forHeap(Runtime.getRuntime().maxMemory()));
        this.svgs = new SvgSanitizer();
        this.uploads = new Throttle(uploadsPerMinute, Duration.ofMinutes(1));
    }

    /** What to upload: the name (a {@code File:} title without its prefix), the bytes, a comment, and whether it may replace. */
    public record Upload(String name, byte[] bytes, String comment, boolean replace) {
    }

    /**
     * An upload's outcome: the file's page after it, the version now current, and the page-change
     * number the upload took (empty when nothing was written, and for imported versions).
     */
    public record Uploaded(SaveResult.Outcome outcome, Title title, FileVersion version, OptionalLong changeSequence) {

        Uploaded(SaveResult.Outcome outcome, Title title, FileVersion version) {
            this(outcome, title, version, OptionalLong.empty());
        }
    }

    /** A file as its page shows it: the page, and its versions, newest first. */
    public record StoredFile(Page page, List<FileVersion> versions) {

        public FileVersion latest() {
            return versions.getFirst();
        }
    }

    public Uploaded upload(Actor actor, Upload upload) {
        permissions.require(actor.user(), Right.EDIT);
        uploads.take("upload:" + actor.user().id(), "too_many_uploads", "You are uploading faster than this wiki allows.");
        return store(actor, upload);
    }

    /**
     * {@link #upload} for an import by the operator (the command line): the same checks, without
     * the throttle, and a file whose bytes are already current is left as it is.
     */
    public Uploaded importFile(Actor actor, Upload upload) {
        permissions.require(actor.user(), Right.EDIT);
        return store(actor, new Upload(upload.name(), upload.bytes(), upload.comment(), true), Optional.empty());
    }

    /** Who uploaded a file on another wiki, and when: an imported upload keeps them. */
    public record Uploader(User author, Instant at) {
    }

    /** {@link #importFile} for a file from another wiki: its version is credited to its uploader there, at its time. */
    public Uploaded importFile(Actor importer, Upload upload, Uploader uploader) {
        permissions.require(importer.user(), Right.EDIT);
        return store(importer, new Upload(upload.name(), upload.bytes(), upload.comment(), true), Optional.of(uploader));
    }

    private Uploaded store(Actor actor, Upload upload) {
        return store(actor, upload, Optional.empty());
    }

    private Uploaded store(Actor actor, Upload upload, Optional<Uploader> uploader) {
        if (upload.bytes().length > limits.maxFileBytes()) {
            throw FileTooLargeException.file(upload.bytes().length, limits.maxFileBytes());
        }
        Title title = titleOf(upload.name());
        CleanFile clean = checks.call(() -> clean(upload.bytes(), extension(title)));
        byte[] bytes = clean.bytes();
        int width = clean.width();
        int height = clean.height();
        String sha256 = sha256(bytes);
        String comment = upload.comment() == null ? "" : upload.comment().strip();
        Optional<FileVersion> before = current(title);
        if (before.isPresent() && before.get().sha256().equals(sha256)) {
            return new Uploaded(SaveResult.Outcome.UNCHANGED, title, before.get());
        }
        if (uploader.isPresent()) {
            Optional<Uploaded> imported = new ImportedUploads(database, reader, limits).attach(title, new ImportedUploads.Version(sha256,
                    bytes, clean.type().mediaType(), width, height, comment), uploader.get());
            if (imported.isPresent()) {
                return imported.get();
            }
        }
        if (before.isPresent() && !upload.replace()) {
            throw exists(title);
        }
        String summary = (before.isPresent() ? "Uploaded a new version of " : "Uploaded ") + title.text()
                + (comment.isEmpty() ? "" : ": " + comment);
        NewVersion version = new NewVersion(sha256, bytes, clean.type().mediaType(), width, height, comment, OptionalLong.empty());
        return record(actor, uploader, title, comment, summary, version, upload.replace());
    }

    /** The bytes as they will be stored: images re-encoded without metadata, drawings sanitised. */
    private CleanFile clean(byte[] bytes, String extension) {
        CleanFile clean = inspector.inspect(bytes, extension);
        if (!clean.type().equals(FileType.SVG)) {
            return clean;
        }
        SanitizedSvg svg = svgs.sanitize(clean.bytes());
        return new CleanFile(FileType.SVG, svg.bytes(), svg.width(), svg.height());
    }

    /** Makes an older version current again, as a new version; the file's history is kept. Administrators only. */
    public Uploaded revert(Actor actor, Title title, long versionId, String reason) {
        permissions.require(actor.user(), Right.REVERT_FILE);
        StoredFile file = file(title, Optional.of(actor.user()));
        FileVersion old = file.versions().stream().filter(v -> v.id() == versionId).findFirst()
                .orElseThrow(() -> new FileNotFoundException(title, versionId));
        if (old.id() == file.latest().id() || old.sha256().equals(file.latest().sha256())) {
            return new Uploaded(SaveResult.Outcome.UNCHANGED, title, file.latest());
        }
        String why = reason == null ? "" : reason.strip();
        String summary = "Reverted " + title.text() + " to version " + versionId + " of "
                + old.timestamp().toString() + (why.isEmpty() ? "" : ": " + why);
        NewVersion version = new NewVersion(old.sha256(), null, old.mediaType(), old.width(), old.height(), why,
                OptionalLong.of(old.id()));
        return record(actor, Optional.empty(), title, "", summary, version, true);
    }

    /** A version to add: new bytes (or null when they are stored already, for a revert) and what describes them. */
    private record NewVersion(String sha256, byte[] bytes, String mediaType, int width, int height, String comment,
                              OptionalLong revertedFrom) {
    }

    private Uploaded record(Actor actor, Optional<Uploader> uploader, Title title, String description, String summary,
                            NewVersion version, boolean replace) {
        long[] added = new long[1];
        UploadRevisions.Rows rows = (handle, page, revision) -> {
            FileStore store = handle.attach(FileStore.class);
            Optional<FileVersion> latest = store.latest(page.id());
            if (latest.isPresent() && !replace) {
                throw exists(title);
            }
            long size;
            if (version.bytes() != null) {
                if (store.storedBytes() + version.bytes().length > limits.maxStoredBytes()) {
                    throw FileTooLargeException.storage(limits.maxStoredBytes());
                }
                store.addBlob(version.sha256(), version.bytes().length, version.bytes());
                size = version.bytes().length;
            } else {
                size = latestSize(store, page.id(), version.revertedFrom().orElseThrow());
            }
            added[0] = store.addVersion(page.id(), revision.id(), version.sha256(), size, version.mediaType(), version.width(),
                    version.height(), version.comment(), version.revertedFrom().isPresent() ? version.revertedFrom().getAsLong() : null);
        };
        SaveResult saved = uploader.isEmpty() ? uploadRevisions.record(actor, title, description, summary, rows)
                : uploadRevisions.recordImported(actor, new Actor(uploader.get().author(), ""), uploader.get().at(), title, description,
                        summary, rows);
        FileVersion current = database.read(FileStore.class, store -> store.version(saved.page().id(), added[0])).orElseThrow();
        return new Uploaded(saved.outcome(), title, current, saved.changeSequence());
    }

    private static long latestSize(FileStore store, long pageId, long versionId) {
        return store.version(pageId, versionId).orElseThrow().size();
    }

    /** The largest file accepted, in bytes: an importer need not read a larger one. */
    public long maxFileBytes() {
        return limits.maxFileBytes();
    }

    /** How many bytes all files take in the database, each distinct content counted once. */
    public long storedBytes() {
        return database.read(FileStore.class, FileStore::storedBytes);
    }

    /** The file and its versions, if it exists and the viewer may see it. */
    public StoredFile file(Title title, Optional<User> viewer) {
        requireFileTitle(title);
        Page page = reader.find(title, viewer).orElseThrow(() -> new FileNotFoundException(title));
        List<FileVersion> versions = database.read(FileStore.class, store -> store.versions(page.id(), VERSIONS_SHOWN));
        if (versions.isEmpty()) {
            throw new FileNotFoundException(title);
        }
        return new StoredFile(page, versions);
    }

    /** Whether a live file of this name exists: for the File: page, which shows the file above its description. */
    public Optional<StoredFile> find(Title title, Optional<User> viewer) {
        try {
            return Optional.of(file(title, viewer));
        } catch (FileNotFoundException e) {
            return Optional.empty();
        }
    }

    /** The file's current version if it is live: an upload to a deleted file's name is refused by its page, telling nothing of it. */
    private Optional<FileVersion> current(Title title) {
        return database.read(FileStore.class, store -> store.latestByName(title.name()));
    }

    /** A file's title from an uploaded name: the last part of a path a browser may send, in the File namespace. */
    public static Title titleOf(String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("missing_name", "The file needs a name.");
        }
        String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).strip();
        if (base.regionMatches(true, 0, "File:", 0, 5)) {
            base = base.substring(5).strip();
        }
        Title title;
        try {
            title = Title.parse("File:" + base);
        } catch (InvalidTitleException e) {
            throw new InvalidInputException("invalid_file_name", "\"" + base + "\" cannot be a file's name: " + e.getMessage());
        }
        if (title.namespace() != Namespace.FILE || extension(title).isEmpty() || title.name().contains(":")) {
            throw new InvalidInputException("invalid_file_name",
                    "\"" + base + "\" cannot be a file's name: it needs an extension such as .png, and no colon.");
        }
        return title;
    }

    private static String extension(Title title) {
        String name = title.name();
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    static void requireFileTitle(Title title) {
        if (title.namespace() != Namespace.FILE) {
            throw new FileNotFoundException(title);
        }
    }

    private static ConflictException exists(Title title) {
        return new ConflictException("file_exists",
                "A file named \"" + title.name() + "\" exists already; upload with replace=true to add a new version of it.");
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JDK always has SHA-256", e);
        }
    }
}
