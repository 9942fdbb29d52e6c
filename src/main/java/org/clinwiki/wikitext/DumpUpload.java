package org.clinwiki.wikitext;

import java.time.Instant;
import java.util.Optional;

/**
 * A version of the current page's file ({@code dumpBackup.php --uploads}). The file itself is not
 * here: {@code Special:Export} never includes it, and the base64 {@code <contents>} that
 * {@code --include-files} embeds is skipped as it is read. Files come from the wiki's
 * {@code images/} directory instead.
 *
 * @param comment the upload's summary, {@code ""} when none
 * @param src where the wiki served the file, a URL or a path
 * @param size in bytes, 0 when the dump doesn't say
 * @param sha1 the file's SHA-1 in base 36, when given
 */
public record DumpUpload(Instant timestamp, Contributor contributor, String comment, String filename, String src,
        long size, Optional<String> sha1) implements DumpEntry {

    static DumpUpload read(DumpFormat.Cursor cursor) {
        Instant timestamp = null;
        Contributor contributor = new Contributor.Deleted();
        String comment = "";
        String filename = "";
        String src = "";
        long size = 0;
        Optional<String> sha1 = Optional.empty();
        while (cursor.toChild()) {
            switch (cursor.name()) {
                case "timestamp" -> timestamp = cursor.instant();
                case "contributor" -> contributor = DumpRevision.readContributor(cursor);
                case "comment" -> comment = cursor.isDeleted() ? skipped(cursor) : cursor.text();
                case "filename" -> filename = cursor.text();
                case "src" -> src = cursor.text().strip();
                case "size" -> size = cursor.number();
                case "sha1" -> {
                    String value = cursor.text().strip();
                    sha1 = value.isEmpty() ? Optional.empty() : Optional.of(value);
                }
                default -> cursor.skip();
            }
        }
        if (timestamp == null) {
            throw cursor.malformed("an upload of \"" + filename + "\" has no <timestamp>");
        }
        return new DumpUpload(timestamp, contributor, comment, filename, src, size, sha1);
    }

    private static String skipped(DumpFormat.Cursor cursor) {
        cursor.skip();
        return "";
    }
}
