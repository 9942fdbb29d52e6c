package org.clinwiki.wikitext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a hostile or damaged dump can do to the reader: fail cleanly, say where, and read nothing else. */
class DumpReaderSafetyTest {

    private static final String START = """
            <mediawiki xmlns="http://www.mediawiki.org/xml/export-0.11/" version="0.11">
              <page><title>One</title><ns>0</ns><id>1</id>
                <revision><id>1</id><timestamp>2020-01-01T00:00:00Z</timestamp>
                  <contributor><username>A</username><id>1</id></contributor>
                  <text xml:space="preserve">first</text></revision>
            """;

    @TempDir
    Path dir;

    @Test
    void anExternalEntityIsNeverRead() throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "the password");
        String xml = """
                <?xml version="1.0"?>
                <!DOCTYPE mediawiki [ <!ENTITY xxe SYSTEM "%s"> ]>
                <mediawiki version="0.11"><page><title>&xxe;</title><id>1</id></page></mediawiki>
                """.formatted(secret.toUri());

        assertThatThrownBy(() -> DumpFixtures.entries(xml)).isInstanceOf(MalformedDumpException.class)
                .hasMessageContaining("line 3").hasMessageContaining("xxe").hasMessageNotContaining("the password");
    }

    @Test
    void aDoctypeAloneIsIgnored() {
        String xml = """
                <!DOCTYPE mediawiki SYSTEM "http://example.invalid/export.dtd">
                <mediawiki version="0.11"><page><title>Fine</title><id>1</id></page></mediawiki>""";

        assertThat(DumpFixtures.entries(xml)).hasSize(2);
    }

    @Test
    void aTruncatedDumpFailsAfterTheEntriesBeforeTheBreak() {
        DumpReader reader = DumpFixtures.reader(START + "    <revision><id>2</id><timestamp>20");

        assertThat(reader.next()).containsInstanceOf(DumpPage.class);
        assertThat(reader.next()).containsInstanceOf(DumpRevision.class);
        MalformedDumpException thrown = malformed(reader);
        assertThat(thrown.line()).isEqualTo(6);
        assertThat(thrown.getMessage()).startsWith("Malformed XML at line 6, column ");
        assertThatThrownBy(reader::next).as("and again: nothing after it can be trusted").isSameAs(thrown);
    }

    @Test
    void aMismatchedTagSaysWhere() {
        MalformedDumpException thrown = malformed(START + "    <revision><id>2</id></timestamp>\n");

        assertThat(thrown.line()).isEqualTo(6);
        assertThat(thrown.column()).as("just past the start of </timestamp>").isEqualTo(27);
        assertThat(thrown).hasMessageContaining("must be terminated by the matching end-tag \"</revision>\"");
    }

    @Test
    void garbageBytesSayWhere() {
        MalformedDumpException thrown = malformed(START + "  \u0001\u0002 garbage\n");

        assertThat(thrown.line()).isEqualTo(6);
        assertThat(thrown.column()).isEqualTo(3);
    }

    @Test
    void invalidUtf8SaysWhere() {
        byte[] start = (START + "  </page>\n  <page><title>").getBytes(StandardCharsets.UTF_8);
        byte[] bad = java.util.Arrays.copyOf(start, start.length + 3);
        bad[start.length] = (byte) 0xC3;
        bad[start.length + 1] = '(';
        bad[start.length + 2] = '<';
        DumpReader reader = DumpFixtures.reader(bad);

        assertThat(readUntilFailure(reader)).hasSize(3);
        MalformedDumpException thrown = malformed(reader);
        assertThat(thrown.line()).isEqualTo(7);
        assertThat(thrown).hasMessageContaining("UTF-8");
    }

    @Test
    void aFieldThatMakesNoSenseSaysWhere() {
        MalformedDumpException thrown = malformed(START + "    <revision><id>two</id>");

        assertThat(thrown).hasMessage("Malformed dump at line 6, column 19: <id> should be a number, not \"two\"");
        assertThat(malformed(START + "    <revision><id>2</id><timestamp>yesterday</timestamp>"))
                .hasMessageContaining("<timestamp> should be a time like 2001-01-15T13:15:00Z, not \"yesterday\"");
    }

    @Test
    void aDocumentThatIsNotADumpIsRefusedAtOnce() {
        assertThatThrownBy(() -> DumpFixtures.reader("<html><body/></html>")).isInstanceOf(MalformedDumpException.class)
                .hasMessage("Malformed dump at line 1, column 7: not a MediaWiki dump: the document is <html>, not <mediawiki>");
        assertThatThrownBy(() -> DumpFixtures.reader("")).isInstanceOf(MalformedDumpException.class)
                .hasMessageStartingWith("Malformed XML at line 1, column 1");
    }

    @Test
    void aFailingFileIsAnIoErrorNotADamagedDump() throws IOException {
        byte[] start = START.getBytes(StandardCharsets.UTF_8);
        java.io.InputStream failing = new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(start),
                new java.io.InputStream() {
                    @Override
                    public int read() throws IOException {
                        throw new IOException("Input/output error");
                    }
                });
        DumpReader reader = new DumpReader(failing);

        assertThatThrownBy(() -> DumpFixtures.readAll(reader)).isInstanceOf(java.io.UncheckedIOException.class)
                .hasRootCauseMessage("Input/output error");
    }

    private static MalformedDumpException malformed(String xml) {
        return malformed(DumpFixtures.reader(xml));
    }

    private static MalformedDumpException malformed(DumpReader reader) {
        readUntilFailure(reader);
        try {
            DumpFixtures.readAll(reader);
        } catch (MalformedDumpException e) {
            return e;
        }
        throw new AssertionError("The dump was read to its end");
    }

    private static List<DumpEntry> readUntilFailure(DumpReader reader) {
        List<DumpEntry> read = new ArrayList<>();
        try {
            for (Optional<DumpEntry> entry = reader.next(); entry.isPresent(); entry = reader.next()) {
                read.add(entry.get());
            }
        } catch (MalformedDumpException e) {
            // What was read before it is the point.
        }
        return read;
    }
}
