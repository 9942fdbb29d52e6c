package org.clinwiki.wikitext;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;

/**
 * How a dump file is packed: plain XML, gzip or bzip2, told apart by the first bytes rather than
 * the name (dumps get renamed, and {@code Special:Export} output is saved under any name).
 */
public enum DumpFormat {
    PLAIN,
    GZIP,
    BZIP2;

    private static final int BUFFER = 1 << 16;

    /** The format whose magic number {@code head} starts with; anything else is taken for XML. */
    public static DumpFormat detect(byte[] head, int length) {
        if (length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
            return GZIP;
        }
        if (length >= 3 && head[0] == 'B' && head[1] == 'Z' && head[2] == 'h') {
            return BZIP2;
        }
        return PLAIN;
    }

    /** Reads the magic number of a stream that supports mark and reset, leaving it unread. */
    static DumpFormat detect(BufferedInputStream in) throws IOException {
        byte[] head = new byte[3];
        in.mark(head.length);
        int length = in.readNBytes(head, 0, head.length);
        in.reset();
        return detect(head, length);
    }

    /**
     * The decompressed XML. Several concatenated streams (pbzip2, or gzip files joined with cat)
     * are read as one: GZIPInputStream always does, commons-compress only when asked.
     */
    InputStream unpack(InputStream in) throws IOException {
        InputStream xml = switch (this) {
            case PLAIN -> in;
            case GZIP -> new GZIPInputStream(in, BUFFER);
            case BZIP2 -> new BZip2CompressorInputStream(in, true);
        };
        return this == PLAIN ? xml : new BufferedInputStream(xml, BUFFER);
    }

    /**
     * A StAX reader that can't be made to read anything but {@code xml}: no DTD, so no entity
     * declarations, no external entities (XXE) and no billion laughs. A DOCTYPE is ignored and a
     * reference to an entity it would have declared is an error.
     */
    static XMLStreamReader xmlReader(InputStream xml) throws XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        // Text in chunks (the JDK's reader gives at most 16 KiB per event), so a huge revision
        // can be skipped without holding it.
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        // The JDK counts &amp; and the like against entity size limits meant for declared
        // entities, and since JDK 24 stops a document after 100,000 characters of them; a dump
        // has millions. Without a DTD there is nothing those limits protect against.
        factory.setProperty("jdk.xml.maxGeneralEntitySizeLimit", 0);
        factory.setProperty("jdk.xml.totalEntitySizeLimit", 0);
        return factory.createXMLStreamReader(xml);
    }

    /**
     * The file as read: counts bytes for progress, and keeps the failure of the file itself, so
     * that a disk error isn't reported as a damaged dump (the XML reader wraps both alike).
     */
    static final class Source extends FilterInputStream {

        private long count;
        private IOException failure;

        Source(InputStream in) {
            super(in);
        }

        long count() {
            return count;
        }

        IOException failure() {
            return failure;
        }

        @Override
        public int read() throws IOException {
            try {
                int b = super.read();
                count += b < 0 ? 0 : 1;
                return b;
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            try {
                int n = super.read(buffer, offset, length);
                count += Math.max(n, 0);
                return n;
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }
    }

    /**
     * Walks the dump's elements. Each reading method starts on an element's start tag and leaves
     * the reader on its end tag, so the caller always knows where it is. Elements in another
     * namespace than the dump's (extensions') have no {@link #name()}, so they are skipped as
     * unknown.
     */
    static final class Cursor implements AutoCloseable {

        // Titles, user names and comments: MediaWiki allows a few hundred bytes. Far more is not
        // a dump but an attack on the reader's memory.
        private static final int FIELD_LIMIT = 1 << 20;

        private final XMLStreamReader xml;
        private final Source source;
        private String namespace = "";

        Cursor(XMLStreamReader xml, Source source) {
            this.xml = xml;
            this.source = source;
        }

        private int next() {
            try {
                return xml.next();
            } catch (XMLStreamException e) {
                if (source.failure() != null) {
                    throw new UncheckedIOException("Can't read the dump", source.failure());
                }
                Location at = e.getLocation() != null ? e.getLocation() : xml.getLocation();
                throw new MalformedDumpException("XML", problem(e), at.getLineNumber(), at.getColumnNumber(), e);
            }
        }

        // The JDK's message repeats the location ("ParseError at [row,col]:[3,5]\nMessage: ...").
        private static String problem(XMLStreamException e) {
            String message = String.valueOf(e.getMessage());
            int at = message.lastIndexOf("Message: ");
            String problem = at < 0 ? message : message.substring(at + "Message: ".length());
            Throwable cause = e.getNestedException() != null ? e.getNestedException() : e.getCause();
            return problem.isBlank() && cause != null ? String.valueOf(cause) : problem;
        }

        /** To the root element; its namespace is the dump's. */
        void toRoot() {
            while (next() != XMLStreamConstants.START_ELEMENT) {
                // The prolog: the XML declaration, comments, an ignored DOCTYPE.
            }
            namespace = Objects.requireNonNullElse(xml.getNamespaceURI(), "");
        }

        String namespaceOfRoot() {
            return namespace;
        }

        /**
         * From an element's start tag, or a child's end tag, to the next child's start tag: true;
         * or to the element's own end tag: false.
         */
        boolean toChild() {
            while (true) {
                switch (next()) {
                    case XMLStreamConstants.START_ELEMENT:
                        return true;
                    case XMLStreamConstants.END_ELEMENT:
                        return false;
                    case XMLStreamConstants.END_DOCUMENT:
                        throw malformed("the dump ends inside an element");
                    default:
                        break;
                }
            }
        }

        boolean atStart() {
            return xml.getEventType() == XMLStreamConstants.START_ELEMENT;
        }

        /** The element's name if it belongs to the dump's namespace, else {@code ""}. */
        String name() {
            return Objects.requireNonNullElse(xml.getNamespaceURI(), "").equals(namespace) ? xml.getLocalName() : "";
        }

        String localName() {
            return xml.getLocalName();
        }

        /** An attribute without a namespace prefix, or {@code ""}. */
        String attribute(String name) {
            return Objects.requireNonNullElse(xml.getAttributeValue(null, name), "");
        }

        boolean isDeleted() {
            return attribute("deleted").equals("deleted");
        }

        /** The element's text, which has to be short. */
        String text() {
            return text(FIELD_LIMIT).orElseThrow(() -> malformed("<" + xml.getLocalName() + "> is longer than "
                    + FIELD_LIMIT + " characters"));
        }

        /**
         * The element's text, or empty when it is longer than {@code limit} chars: then it is
         * read to its end and dropped as it goes, never held whole.
         */
        Optional<String> text(int limit) {
            StringBuilder text = new StringBuilder();
            boolean tooLong = false;
            while (true) {
                switch (next()) {
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        int length = xml.getTextLength();
                        tooLong |= text.length() + length > limit;
                        if (!tooLong) {
                            text.append(xml.getTextCharacters(), xml.getTextStart(), length);
                        }
                    }
                    case XMLStreamConstants.START_ELEMENT -> skip();
                    case XMLStreamConstants.END_ELEMENT -> {
                        return tooLong ? Optional.empty() : Optional.of(text.toString());
                    }
                    default -> {
                        // Comments and processing instructions aren't text.
                    }
                }
            }
        }

        /** Past the element and everything in it, without keeping any of it. */
        void skip() {
            int depth = 1;
            while (depth > 0) {
                switch (next()) {
                    case XMLStreamConstants.START_ELEMENT -> depth++;
                    case XMLStreamConstants.END_ELEMENT -> depth--;
                    default -> {
                        // Text, however long, is passed over chunk by chunk.
                    }
                }
            }
        }

        long number() {
            Location at = xml.getLocation();
            String text = text().strip();
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw malformed("<" + xml.getLocalName() + "> should be a number, not \"" + text + "\"", at);
            }
        }

        Instant instant() {
            Location at = xml.getLocation();
            String text = text().strip();
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw malformed("<" + xml.getLocalName() + "> should be a time like 2001-01-15T13:15:00Z, not \""
                        + text + "\"", at);
            }
        }

        /** A dump that is well-formed XML but says something impossible, here. */
        MalformedDumpException malformed(String problem) {
            return malformed(problem, xml.getLocation());
        }

        /** The same, at a place read before: where a field's value starts. */
        private static MalformedDumpException malformed(String problem, Location at) {
            return new MalformedDumpException("dump", problem, at.getLineNumber(), at.getColumnNumber(), null);
        }

        @Override
        public void close() {
            try {
                xml.close();
            } catch (XMLStreamException e) {
                // Closing frees the reader, not the stream, which its owner closes.
            }
        }
    }
}
