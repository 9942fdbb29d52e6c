package org.clinwiki.wikitext;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.ref.WeakReference;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Memory is bounded by the current entry whatever the dump: the dumps here are generated as they
 * are read, never held, and are larger than the reader may keep.
 */
class DumpReaderMemoryTest {

    private static final String HEAD = """
            <mediawiki xmlns="http://www.mediawiki.org/xml/export-0.11/" version="0.11">
              <page><title>Huge</title><ns>0</ns><id>1</id>
            """;
    private static final String REVISION_START = """
                <revision><id>%d</id><timestamp>2020-01-01T00:00:00Z</timestamp>
                  <contributor><username>A</username><id>1</id></contributor>
                  <model>wikitext</model><format>text/x-wiki</format>
                  <text xml:space="preserve">""";
    private static final String REVISION_END = "</text></revision>\n";
    private static final String TAIL = "  </page>\n</mediawiki>\n";

    @Test
    void aTextOverTheCapIsSkippedAsItIsReadNotHeld() throws IOException {
        long size = 128L << 20;
        // No entities: the JDK's parser allocates a little for each &amp; it reads, which would blur the figure.
        byte[] line = "'''Clinical decision support''' and [[Alert fatigue]], see [[CPOE]].\n".getBytes(StandardCharsets.UTF_8);
        InputStream dump = new Generated(List.of(
                new Part(bytes(HEAD + REVISION_START.formatted(1)), 1),
                new Part(line, size / line.length),
                new Part(bytes(REVISION_END + REVISION_START.formatted(2) + "small" + REVISION_END + TAIL), 1)));

        long before = allocatedByThisThread();
        try (DumpReader reader = new DumpReader(dump, 1 << 20)) {
            assertThat(reader.next()).containsInstanceOf(DumpPage.class);
            DumpRevision huge = (DumpRevision) reader.next().orElseThrow();
            DumpRevision small = (DumpRevision) reader.next().orElseThrow();

            assertThat(huge.textTooLarge()).isTrue();
            assertThat(huge.text()).isEmpty();
            assertThat(huge.textDeleted()).isFalse();
            assertThat(small.text()).contains("small");
            assertThat(small.textTooLarge()).isFalse();
        }
        // Holding the text would take 256 MiB (2 bytes a char), more while a StringBuilder grows to it;
        // read in chunks and dropped, it takes next to nothing.
        assertThat(allocatedByThisThread() - before).as("bytes allocated reading 128 MiB of text")
                .isLessThan(16L << 20);
    }

    @Test
    void theReaderKeepsNothingOfARevisionOnceTheNextIsRead() throws IOException {
        InputStream dump = new Generated(List.of(new Part(bytes(HEAD), 1),
                new Part(bytes(REVISION_START.formatted(1) + "some text".repeat(1000) + REVISION_END), 3),
                new Part(bytes(TAIL), 1)));
        try (DumpReader reader = new DumpReader(dump)) {
            reader.next();
            WeakReference<DumpEntry> first = new WeakReference<>(reader.next().orElseThrow());
            reader.next();
            reader.next();

            System.gc();
            assertThat(first.get()).as("the first revision, after two more").isNull();
        }
    }

    @Test
    void aLongDumpStreamsThroughEntryByEntry() throws IOException {
        String text = "== History ==\n'''CPOE''' lets clinicians enter orders and see alerts &lt;ref&gt;Ash 2004&lt;/ref&gt;.\n"
                .repeat(80);
        byte[] revision = bytes(REVISION_START.formatted(7) + text + REVISION_END);
        int revisions = (64 << 20) / revision.length;
        long total = bytes(HEAD).length + (long) revisions * revision.length + bytes(TAIL).length;

        long start = System.nanoTime();
        long read = 0;
        long chars = 0;
        try (DumpReader reader = new DumpReader(new Generated(List.of(new Part(bytes(HEAD), 1),
                new Part(revision, revisions), new Part(bytes(TAIL), 1))))) {
            for (Optional<DumpEntry> entry = reader.next(); entry.isPresent(); entry = reader.next()) {
                if (entry.get() instanceof DumpRevision r) {
                    read++;
                    chars += r.text().orElseThrow().length();
                }
            }
            assertThat(reader.bytesRead()).isEqualTo(total);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(read).isEqualTo(revisions);
        assertThat(chars).isEqualTo((long) revisions * text.replace("&lt;", "<").replace("&gt;", ">")
                .length());
        System.out.printf("DumpReader: %d MB of plain XML, %d revisions, in %.2f s: %.0f MB/s%n", total >> 20, read,
                seconds, total / 1e6 / seconds);
    }

    private static long allocatedByThisThread() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** {@code bytes} repeated {@code times}. */
    record Part(byte[] bytes, long times) {
    }

    /** A stream made of parts as it is read: the same arrays again and again, nothing accumulates. */
    static final class Generated extends InputStream {

        private final List<Part> parts;
        private int part;
        private long repeat;
        private int offset;

        Generated(List<Part> parts) {
            this.parts = parts;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int at, int length) {
            while (part < parts.size() && repeat == parts.get(part).times()) {
                part++;
                repeat = 0;
            }
            if (part == parts.size()) {
                return -1;
            }
            byte[] bytes = parts.get(part).bytes();
            int n = Math.min(length, bytes.length - offset);
            System.arraycopy(bytes, offset, buffer, at, n);
            offset += n;
            if (offset == bytes.length) {
                offset = 0;
                repeat++;
            }
            return n;
        }
    }
}
