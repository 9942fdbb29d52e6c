package org.clinwiki.mediawiki;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.clinwiki.error.WikiException;
import org.clinwiki.file.FileService;
import org.clinwiki.page.SaveResult;
import org.clinwiki.title.Title;
import org.clinwiki.user.Actor;
import org.clinwiki.wikitext.Contributor;
import org.clinwiki.wikitext.DumpPage;
import org.clinwiki.wikitext.DumpUpload;

/**
 * Uploads the files of the imported wiki from its {@code images/} folder (MediaWiki's hashed
 * layout: {@code a/ab/Name.png}, old versions in {@code archive/a/ab/20240101120000!Name.png}),
 * each version through the same checks as any upload, credited to its uploader at its time:
 * taken from the dump's upload records when it has them, else from the file page's revisions.
 * A file that fails the checks or is missing is reported and skipped.
 */
final class FileImport {

    private static final DateTimeFormatter ARCHIVE_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private final FileService files;

    FileImport(FileService files) {
        this.files = files;
    }

    /** Versions uploaded, and those refused or not found. */
    record Result(long uploaded, long failed) {
        static final Result NONE = new Result(0, 0);
    }

    /** One version to upload: where its bytes are, who uploaded it there and when, with what comment. */
    private record Version(Optional<Path> bytes, Instant at, String uploader, String comment) {
    }

    Result run(Actor importer, ImportAuthors authors, ImportReport.Writer report, List<DumpBatches.PageUpload> uploads,
               Map<DumpPage, List<DumpBatches.FileEdit>> filePages, Optional<Path> folder) {
        if (folder.isEmpty()) {
            if (!uploads.isEmpty()) {
                report.page("(files)", "files", uploads.size() + " uploads are recorded in the dump, but no --files folder was given");
            }
            return Result.NONE;
        }
        Map<DumpPage, List<DumpUpload>> byPage = new LinkedHashMap<>();
        uploads.forEach(upload -> byPage.computeIfAbsent(upload.page(), page -> new ArrayList<>()).add(upload.upload()));
        filePages.keySet().forEach(page -> byPage.computeIfAbsent(page, p -> new ArrayList<>()));
        long uploaded = 0;
        long failed = 0;
        for (Map.Entry<DumpPage, List<DumpUpload>> file : byPage.entrySet()) {
            String name = fileName(file.getKey().title());
            Optional<Title> title = SourceTitles.of(file.getKey());
            if (title.isEmpty()) {
                continue;
            }
            List<Version> versions = versions(folder.get(), name, file.getValue(), filePages.getOrDefault(file.getKey(), List.of()));
            for (Version version : versions) {
                if (version.bytes().isEmpty()) {
                    failed++;
                    report.page(title.get().text(), "file version of " + version.at(), "its bytes are not in the files folder; skipped");
                    continue;
                }
                try {
                    Path path = version.bytes().get();
                    if (Files.size(path) > files.maxFileBytes()) {
                        failed++;
                        report.page(title.get().text(), "file " + path.getFileName(), "larger than this wiki's file limit; skipped");
                        continue;
                    }
                    FileService.Uploaded result = files.importFile(importer,
                            new FileService.Upload(title.get().name(), Files.readAllBytes(path), version.comment(), true),
                            new FileService.Uploader(authors.named(version.uploader()), version.at()));
                    uploaded += result.outcome() == SaveResult.Outcome.UNCHANGED ? 0 : 1;
                } catch (WikiException | IOException e) {
                    failed++;
                    report.page(title.get().text(), "file " + version.bytes().get().getFileName(), "refused: " + e.getMessage());
                }
            }
        }
        return new Result(uploaded, failed);
    }

    /**
     * A file's versions, oldest first. The archive holds the old versions, each named by when it
     * was replaced; the current one is in the hashed folder.
     */
    private static List<Version> versions(Path folder, String name, List<DumpUpload> uploads, List<DumpBatches.FileEdit> edits) {
        String hash = md5(name);
        Path current = folder.resolve(hash.substring(0, 1)).resolve(hash.substring(0, 2)).resolve(name);
        List<Path> archived = archived(folder.resolve("archive").resolve(hash.substring(0, 1)).resolve(hash.substring(0, 2)), name);
        List<Path> bytes = new ArrayList<>(archived);
        if (Files.isRegularFile(current)) {
            bytes.add(current);
        }
        List<Version> versions = new ArrayList<>();
        if (!uploads.isEmpty()) {
            List<DumpUpload> sorted = uploads.stream().sorted(Comparator.comparing(DumpUpload::timestamp)).toList();
            // The newest uploads pair with the newest bytes; older uploads without bytes are reported.
            int offset = bytes.size() - sorted.size();
            for (int i = 0; i < sorted.size(); i++) {
                DumpUpload upload = sorted.get(i);
                Optional<Path> path = i + offset >= 0 ? Optional.of(bytes.get(i + offset)) : Optional.empty();
                versions.add(new Version(path, upload.timestamp(), uploaderName(upload.contributor()), upload.comment()));
            }
            return versions;
        }
        if (edits.isEmpty()) {
            return versions;
        }
        // No upload records: version 1 came with the page; each later one when the one before it was archived.
        for (int i = 0; i < bytes.size(); i++) {
            Instant at = i == 0 ? edits.getFirst().at() : archivedAt(archived.get(i - 1)).orElse(edits.getFirst().at());
            DumpBatches.FileEdit by = closest(edits, at);
            versions.add(new Version(Optional.of(bytes.get(i)), at, uploaderName(by.by()), by.comment()));
        }
        return versions;
    }

    private static List<Path> archived(Path folder, String name) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> listing = Files.list(folder)) {
            return listing.filter(path -> path.getFileName().toString().endsWith("!" + name)).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static Optional<Instant> archivedAt(Path archived) {
        String fileName = archived.getFileName().toString();
        try {
            return Optional.of(LocalDateTime.parse(fileName.substring(0, fileName.indexOf('!')), ARCHIVE_TIME).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException | IndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    private static DumpBatches.FileEdit closest(List<DumpBatches.FileEdit> edits, Instant at) {
        return edits.stream().min(Comparator.comparingLong(edit -> Math.abs(edit.at().toEpochMilli() - at.toEpochMilli()))).orElseThrow();
    }

    private static String uploaderName(Contributor contributor) {
        return switch (contributor) {
            case Contributor.Registered registered -> registered.name();
            case Contributor.Anonymous anonymous -> "";
            case Contributor.Deleted deleted -> ImportAuthors.HIDDEN;
        };
    }

    /** The file's name as MediaWiki stores it: after the prefix, spaces as underscores. */
    private static String fileName(String title) {
        return title.substring(title.indexOf(':') + 1).strip().replace(' ', '_');
    }

    private static String md5(String name) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(name.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
