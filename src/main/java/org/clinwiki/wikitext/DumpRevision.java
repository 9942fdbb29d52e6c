package org.clinwiki.wikitext;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One revision of the current page.
 *
 * @param parentId the revision it was made from (schema 0.7 on); absent for a page's first
 * @param comment the edit summary; empty when there was none or it was hidden ({@code commentDeleted})
 * @param model the content model, {@code wikitext} when the dump doesn't say (before 0.8)
 * @param format the serialization, {@code text/x-wiki} when the dump doesn't say
 * @param text the revision's content; empty when it was hidden ({@code textDeleted}), longer than
 *     the reader's cap ({@code textTooLarge}) or not in the dump (a stub dump's
 *     {@code <text bytes="123" id="456"/>})
 * @param sha1 MediaWiki's checksum as the dump writes it (base 36, see {@link Sha1Base36});
 *     absent before schema 0.6
 */
public record DumpRevision(long id, OptionalLong parentId, Instant timestamp, Contributor contributor, boolean minor,
        Optional<String> comment, boolean commentDeleted, String model, String format, Optional<String> text,
        boolean textDeleted, boolean textTooLarge, Optional<String> sha1) implements DumpEntry {

    static final String DEFAULT_MODEL = "wikitext";
    static final String DEFAULT_FORMAT = "text/x-wiki";

    /** Reads from {@code <revision>} to its end, in whatever order its fields come. */
    static DumpRevision read(DumpFormat.Cursor cursor, int maxTextChars) {
        long id = 0;
        OptionalLong parentId = OptionalLong.empty();
        Instant timestamp = null;
        Contributor contributor = new Contributor.Deleted();
        boolean minor = false;
        Optional<String> comment = Optional.empty();
        boolean commentDeleted = false;
        String model = DEFAULT_MODEL;
        String format = DEFAULT_FORMAT;
        Optional<String> text = Optional.empty();
        boolean textDeleted = false;
        boolean textTooLarge = false;
        Optional<String> sha1 = Optional.empty();
        while (cursor.toChild()) {
            switch (cursor.name()) {
                case "id" -> id = cursor.number();
                case "parentid" -> parentId = OptionalLong.of(cursor.number());
                case "timestamp" -> timestamp = cursor.instant();
                case "contributor" -> contributor = readContributor(cursor);
                case "minor" -> {
                    minor = true;
                    cursor.skip();
                }
                case "comment" -> {
                    commentDeleted = cursor.isDeleted();
                    comment = commentDeleted ? skipped(cursor) : Optional.of(cursor.text());
                }
                case "model" -> model = cursor.text().strip();
                case "format" -> format = cursor.text().strip();
                case "text" -> {
                    textDeleted = cursor.isDeleted();
                    // A stub dump says how long the text is, and where it is kept, but not what it is.
                    boolean stub = !(cursor.attribute("id").isEmpty() && cursor.attribute("location").isEmpty())
                            && !cursor.attribute("bytes").equals("0");
                    sha1 = sha1.or(() -> nonEmpty(cursor.attribute("sha1")));
                    text = textDeleted ? skipped(cursor) : cursor.text(maxTextChars);
                    textTooLarge = !textDeleted && text.isEmpty();
                    if (stub && text.filter(String::isEmpty).isPresent()) {
                        text = Optional.empty();
                    }
                }
                case "sha1" -> sha1 = nonEmpty(cursor.text().strip());
                default -> cursor.skip();
            }
        }
        if (timestamp == null) {
            throw cursor.malformed("revision " + id + " has no <timestamp>");
        }
        return new DumpRevision(id, parentId, timestamp, contributor, minor, comment, commentDeleted, model, format,
                text, textDeleted, textTooLarge, sha1);
    }

    private static Optional<String> skipped(DumpFormat.Cursor cursor) {
        cursor.skip();
        return Optional.empty();
    }

    private static Optional<String> nonEmpty(String value) {
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    /** {@code <contributor>} of a revision or an upload: an account, an IP, or hidden. */
    static Contributor readContributor(DumpFormat.Cursor cursor) {
        if (cursor.isDeleted()) {
            cursor.skip();
            return new Contributor.Deleted();
        }
        String name = null;
        String ip = null;
        long id = 0;
        while (cursor.toChild()) {
            switch (cursor.name()) {
                case "username" -> name = cursor.text();
                case "id" -> id = cursor.number();
                case "ip" -> ip = cursor.text();
                default -> cursor.skip();
            }
        }
        if (name != null) {
            return new Contributor.Registered(name, id);
        }
        return ip != null ? new Contributor.Anonymous(ip) : new Contributor.Deleted();
    }
}
