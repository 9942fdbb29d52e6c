package org.clinwiki.cli;

import java.time.Clock;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.clinwiki.Wiki;
import org.clinwiki.file.FileDelivery;
import org.clinwiki.file.FileService;
import org.clinwiki.page.Page;
import org.clinwiki.title.Namespace;
import org.clinwiki.title.Title;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "export", description = "Export pages.", subcommands = ExportCommand.Markdown.class)
final class ExportCommand {

    @Command(name = "markdown", description = "Write the latest text of every page to a folder of .md files.")
    static final class Markdown implements Callable<Integer> {

        private static final int BATCH = 500;

        @Mixin
        DataOptions data;

        @Parameters(index = "0", paramLabel = "DIR", description = "Folder to write into (created if missing).")
        Path folder;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            Files.createDirectories(folder);
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            int written = 0;
            int files = 0;
            int failed = 0;
            try (Wiki wiki = Wiki.open(data.config(), Clock.systemUTC())) {
                for (Namespace namespace : Namespace.values()) {
                    String after = "";
                    List<Title> titles;
                    do {
                        titles = wiki.reader().titles(namespace, "", after, BATCH, Optional.empty());
                        for (Title title : titles) {
                            try {
                                Page page = wiki.reader().require(title, Optional.empty());
                                Path file = MarkdownFolder.fileFor(folder, title);
                                write(file, wiki.reader().markdown(page.latestRevisionId()) + "\n");
                                written++;
                                if (title.namespace() == Namespace.FILE) {
                                    files += exportFile(wiki, title, MarkdownFolder.bytesFileFor(file)) ? 1 : 0;
                                }
                            } catch (IOException e) {
                                failed++;
                                err.println("failed: " + title.text() + ": " + e.getMessage());
                            }
                        }
                        after = titles.isEmpty() ? after : titles.getLast().name();
                    } while (titles.size() == BATCH);
                }
            }
            out.printf("Exported %d pages and %d files to %s%s.%n", written, files, folder, failed == 0 ? "" : " (" + failed + " failed)");
            return failed == 0 ? 0 : 1;
        }

        /** A file's current bytes beside its description page's Markdown: {@code File:X.png} next to {@code File:X.png.md}. */
        private boolean exportFile(Wiki wiki, Title title, Path target) throws IOException {
            Optional<FileService.StoredFile> file = wiki.files().find(title, Optional.empty());
            if (file.isEmpty()) {
                return false;
            }
            FileDelivery.Served served = wiki.delivery().serve(title, java.util.OptionalLong.empty(), 0, Optional.empty());
            if (!target.getParent().toRealPath().startsWith(folder.toRealPath())) {
                throw new IOException("a folder on the way is a link out of " + folder);
            }
            Files.copy(served.path(), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING, LinkOption.NOFOLLOW_LINKS);
            return true;
        }

        /**
         * Writes a page's file, never outside the folder: its name is confined already, and a link
         * planted inside the folder (to a folder, or as the file itself) is not followed.
         */
        private void write(Path file, String text) throws IOException {
            Files.createDirectories(file.getParent());
            if (!file.getParent().toRealPath().startsWith(folder.toRealPath())) {
                throw new IOException("a folder on the way is a link out of " + folder);
            }
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
        }
    }
}
