package org.clinwiki.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.clinwiki.Config;
import org.clinwiki.db.PostgresUrl;
import org.clinwiki.file.FileLimits;
import picocli.CommandLine.Option;

/** The options every command that opens a wiki shares: where its data is, and what files it takes. */
final class DataOptions {

    private static final Pattern MEDIA_TYPE = Pattern.compile("[a-z0-9][a-z0-9.+-]*/[a-z0-9][a-z0-9.+-]*");

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "${env:CLINWIKI_DATA:-data}",
            description = "Data directory holding the database (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--database", paramLabel = "URL", defaultValue = "${env:CLINWIKI_DATABASE:-}",
            description = "PostgreSQL database to use instead of SQLite in the data directory: "
                          + "postgresql://USER:PASSWORD@HOST:PORT/DB or a jdbc:postgresql: URL (default: SQLite).")
    String database;

    @Option(names = "--max-file-size", paramLabel = "BYTES", defaultValue = "${env:CLINWIKI_MAX_FILE_SIZE:-10485760}",
            description = "Largest file that may be uploaded, in bytes (default: ${DEFAULT-VALUE}, 10 MiB).")
    long maxFileSize;

    @Option(names = "--max-files-total", paramLabel = "BYTES", defaultValue = "${env:CLINWIKI_MAX_FILES_TOTAL:-10737418240}",
            description = "Most bytes all uploaded files may take together (default: ${DEFAULT-VALUE}, 10 GiB).")
    long maxFilesTotal;

    @Option(names = "--file-types", split = ",", paramLabel = "TYPE[,TYPE...]", defaultValue = "${env:CLINWIKI_FILE_TYPES:-}",
            description = "Media types that may be uploaded beyond PNG, JPEG, GIF, WebP, SVG and PDF, served as downloads "
                          + "(e.g. text/csv).")
    List<String> fileTypes;

    Config config() {
        if (maxFileSize < 1 || maxFilesTotal < 1) {
            throw new CommandFailedException("--max-file-size and --max-files-total must be at least 1.");
        }
        List<String> types = fileTypes == null ? List.of() : fileTypes.stream().map(String::strip).filter(t -> !t.isEmpty()).toList();
        for (String type : types) {
            if (!MEDIA_TYPE.matcher(type).matches()) {
                throw new CommandFailedException("--file-types takes media types such as text/csv, not \"" + type + "\".");
            }
        }
        if (database != null && !database.isBlank()) {
            try {
                PostgresUrl.parse(database);
            } catch (IllegalArgumentException e) {
                throw new CommandFailedException("--database: " + e.getMessage());
            }
        }
        return Config.defaults().withDataDir(dataDir).withFiles(new FileLimits(maxFileSize, maxFilesTotal, types))
                .withDatabase(database);
    }
}
