package org.clinwiki.wikitext;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamException;

/**
 * Reads a MediaWiki XML dump ({@code Special:Export}, {@code dumpBackup.php}, the Wikimedia
 * dumps) as a stream of {@link DumpEntry entries}: each page's start, its revisions and uploads,
 * its end. Every schema from 0.3 to 0.11 is read, in any of their namespaces; what this doesn't
 * know ({@code <logitem>}, {@code <discussionthreadinginfo>}, extensions' elements) is skipped.
 *
 * <p>Memory is bounded whatever the dump's size: only the current entry is held, and a
 * revision's text longer than the cap is skipped as it is read ({@link DumpRevision#textTooLarge()}).
 * Full-history dumps run to hundreds of gigabytes.
 *
 * <p>The file may be plain XML, gzip or bzip2, including several concatenated streams (pbzip2).
 * The XML is read without DTDs or external entities: a dump can't make the reader open files
 * or URLs. A damaged dump throws {@link MalformedDumpException} with the line and column where
 * reading stopped, after the entries before it; a failure of the file itself throws
 * {@link UncheckedIOException}.
 *
 * <p>This package knows nothing of the wiki: it reads what a dump says. One reader belongs to one
 * thread.
 */
public final class DumpReader implements AutoCloseable {

    /** The default cap on one revision's text, in chars: far above MediaWiki's 2 MiB page limit. */
    public static final int DEFAULT_MAX_TEXT_CHARS = 16 << 20;

    private static final Pattern VERSION_IN_NAMESPACE = Pattern.compile("export-(\\d+\\.\\d+)");

    private final DumpFormat.Source source;
    private final InputStream xml;
    private final DumpFormat.Cursor cursor;
    private final int maxTextChars;
    private final SiteInfo siteInfo;
    private final SiteInfo.Prefixes prefixes;
    private final String schemaVersion;

    private DumpPage page;
    // The cursor is on the start of an element not yet read: the first child after the page header.
    private boolean pending;
    // The cursor is on the current page's end tag: it had no revision or upload.
    private boolean pageOver;
    private boolean done;
    private RuntimeException failure;

    public DumpReader(InputStream in) throws IOException {
        this(in, DEFAULT_MAX_TEXT_CHARS);
    }

    /** A reader that skips any revision text longer than {@code maxTextChars}. */
    public DumpReader(InputStream in, int maxTextChars) throws IOException {
        if (maxTextChars < 0) {
            throw new IllegalArgumentException("A text cap can't be negative: " + maxTextChars);
        }
        this.maxTextChars = maxTextChars;
        this.source = new DumpFormat.Source(in);
        BufferedInputStream buffered = new BufferedInputStream(source, 1 << 16);
        DumpFormat format = DumpFormat.detect(buffered);
        try {
            this.xml = format.unpack(buffered);
            this.cursor = new DumpFormat.Cursor(DumpFormat.xmlReader(xml), source);
        } catch (IOException e) {
            // The decompressors read their first block at once: a short file fails here.
            if (source.failure() != null) {
                throw e;
            }
            throw new MalformedDumpException(format.name() + " data", String.valueOf(e.getMessage()), 1, 1, e);
        } catch (XMLStreamException e) {
            throw new IOException("Can't start reading the dump: " + e.getMessage(), e);
        }
        try {
            this.schemaVersion = readRoot();
            this.siteInfo = readSiteInfo();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        this.prefixes = siteInfo.prefixes();
    }

    /** Opens a dump file, plain, gzip or bzip2, whatever its name says. */
    public static DumpReader open(Path dump) throws IOException {
        return open(dump, DEFAULT_MAX_TEXT_CHARS);
    }

    public static DumpReader open(Path dump, int maxTextChars) throws IOException {
        InputStream in = Files.newInputStream(dump);
        try {
            return new DumpReader(in, maxTextChars);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    private String readRoot() {
        cursor.toRoot();
        if (!cursor.localName().equals("mediawiki")) {
            throw cursor.malformed("not a MediaWiki dump: the document is <" + cursor.localName() + ">, not <mediawiki>");
        }
        String uri = cursor.namespaceOfRoot();
        String version = cursor.attribute("version");
        if (version.isEmpty()) {
            Matcher inUri = VERSION_IN_NAMESPACE.matcher(uri);
            version = inUri.find() ? inUri.group(1) : "";
        }
        return version;
    }

    private SiteInfo readSiteInfo() {
        if (!cursor.toChild()) {
            done = true;
            return SiteInfo.defaults();
        }
        if (cursor.name().equals("siteinfo")) {
            return SiteInfo.read(cursor);
        }
        pending = true;
        return SiteInfo.defaults();
    }

    /** What {@code <siteinfo>} says, with defaults for what it leaves out (or when it's absent). */
    public SiteInfo siteInfo() {
        return siteInfo;
    }

    /**
     * The export schema's version, {@code "0.3"} to {@code "0.11"}: the root's {@code version},
     * or else its namespace's; {@code ""} when neither says.
     */
    public String schemaVersion() {
        return schemaVersion;
    }

    /** Compressed bytes read from the file so far, for progress against the file's size. */
    public long bytesRead() {
        return source.count();
    }

    /**
     * The next entry, or empty at the end of the dump. After a {@link MalformedDumpException} or
     * an {@link UncheckedIOException}, throws it again: nothing after it can be trusted.
     */
    public Optional<DumpEntry> next() {
        if (failure != null) {
            throw failure;
        }
        try {
            return Optional.ofNullable(page != null ? inPage() : betweenPages());
        } catch (MalformedDumpException | UncheckedIOException e) {
            failure = e;
            throw e;
        }
    }

    private DumpEntry betweenPages() {
        while (!done) {
            boolean child = pending || cursor.toChild();
            pending = false;
            if (!child) {
                done = true;
            } else if (cursor.name().equals("page")) {
                page = DumpPage.read(cursor, prefixes);
                // The header ends at the first revision or upload, or with the page.
                pending = cursor.atStart();
                pageOver = !pending;
                return page;
            } else {
                cursor.skip();
            }
        }
        return null;
    }

    private DumpEntry inPage() {
        while (true) {
            boolean child = pending || (!pageOver && cursor.toChild());
            if (!child) {
                pageOver = false;
                DumpPage ended = page;
                page = null;
                return new DumpEntry.PageEnd(ended);
            }
            pending = false;
            switch (cursor.name()) {
                case "revision" -> {
                    return DumpRevision.read(cursor, maxTextChars);
                }
                case "upload" -> {
                    return DumpUpload.read(cursor);
                }
                default -> cursor.skip();
            }
        }
    }

    @Override
    public void close() throws IOException {
        try {
            cursor.close();
        } finally {
            xml.close();
        }
    }
}
