package org.clinwiki.wikitext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A dump is read the same plain, gzipped or bzipped, whatever the file is called. */
class DumpCompressionTest {

    private static final String FIRST_HALF = """
            <mediawiki xmlns="http://www.mediawiki.org/xml/export-0.11/" version="0.11">
              <siteinfo><sitename>Clinfowiki</sitename></siteinfo>
              <page><title>One</title><ns>0</ns><id>1</id>
                <revision><id>1</id><timestamp>2020-01-01T00:00:00Z</timestamp>
                  <contributor><username>A</username><id>1</id></contributor>
                  <text xml:space="preserve">first</text></revision></page>
            """;
    private static final String SECOND_HALF = """
              <page><title>Two</title><ns>0</ns><id>2</id>
                <revision><id>2</id><timestamp>2020-01-02T00:00:00Z</timestamp>
                  <contributor><ip>192.0.2.1</ip></contributor>
                  <text xml:space="preserve">second</text></revision></page>
            </mediawiki>
            """;
    private static final byte[] PLAIN = (FIRST_HALF + SECOND_HALF).getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    @Test
    void plainGzipAndBzip2AreToldApartByTheirFirstBytesNotTheirName() throws IOException {
        for (byte[] file : List.of(PLAIN, gzip(PLAIN), bzip2(PLAIN))) {
            Path misnamed = Files.write(dir.resolve("dump.txt"), file);
            try (DumpReader reader = DumpReader.open(misnamed)) {
                assertThat(reader.siteInfo().siteName()).isEqualTo("Clinfowiki");
                assertThat(texts(reader)).containsExactly("first", "second");
                assertThat(reader.bytesRead()).as("compressed bytes, all of them").isEqualTo(file.length);
            }
        }
    }

    @Test
    void concatenatedStreamsAreReadToTheEndAsPbzip2AndCatWriteThem() throws IOException {
        byte[] first = FIRST_HALF.getBytes(StandardCharsets.UTF_8);
        byte[] second = SECOND_HALF.getBytes(StandardCharsets.UTF_8);

        assertThat(texts(DumpFixtures.reader(concat(bzip2(first), bzip2(second))))).containsExactly("first", "second");
        assertThat(texts(DumpFixtures.reader(concat(gzip(first), gzip(second))))).containsExactly("first", "second");
    }

    @Test
    void aTruncatedCompressedDumpIsMalformedAfterWhatCouldBeRead() throws IOException {
        // Text that doesn't compress well, so the file is several bzip2 blocks and the cut falls after the first.
        java.util.Random random = new java.util.Random(1);
        StringBuilder padding = new StringBuilder();
        while (padding.length() < 2_000_000) {
            padding.append((char) ('a' + random.nextInt(26)));
        }
        byte[] whole = bzip2((FIRST_HALF + "<!--" + padding + "-->" + SECOND_HALF).getBytes(StandardCharsets.UTF_8));
        DumpReader reader = DumpFixtures.reader(java.util.Arrays.copyOf(whole, whole.length * 3 / 4));

        assertThat(reader.next()).containsInstanceOf(DumpPage.class);
        assertThat(reader.next()).containsInstanceOf(DumpRevision.class);
        assertThatThrownBy(() -> DumpFixtures.readAll(reader)).isInstanceOf(MalformedDumpException.class)
                .hasMessageContaining("line 7");
    }

    @Test
    void aCompressedDumpCutShortInItsFirstBlockIsMalformedAtOnce() throws IOException {
        byte[] whole = bzip2(PLAIN);
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length / 2);

        assertThatThrownBy(() -> DumpFixtures.reader(cut)).isInstanceOf(MalformedDumpException.class)
                .hasMessageStartingWith("Malformed BZIP2 data at line 1, column 1: ");
    }

    @Test
    void formatsAreDetectedByMagicNumber() {
        assertThat(DumpFormat.detect(new byte[] {0x1f, (byte) 0x8b, 8}, 3)).isEqualTo(DumpFormat.GZIP);
        assertThat(DumpFormat.detect("BZh9".getBytes(StandardCharsets.US_ASCII), 4)).isEqualTo(DumpFormat.BZIP2);
        assertThat(DumpFormat.detect("<?xml".getBytes(StandardCharsets.US_ASCII), 5)).isEqualTo(DumpFormat.PLAIN);
        assertThat(DumpFormat.detect(new byte[] {0x1f}, 1)).isEqualTo(DumpFormat.PLAIN);
    }

    private static List<String> texts(DumpReader reader) {
        return DumpFixtures.only(DumpFixtures.readAll(reader), DumpRevision.class).stream()
                .map(revision -> revision.text().orElseThrow()).toList();
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(data);
        }
        return out.toByteArray();
    }

    static byte[] bzip2(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream bzip2 = new BZip2CompressorOutputStream(out)) {
            bzip2.write(data);
        }
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
