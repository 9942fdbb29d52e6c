package org.clinwiki.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.clinwiki.wikitext.Contributor;
import org.clinwiki.wikitext.DumpEntry;
import org.clinwiki.wikitext.DumpPage;
import org.clinwiki.wikitext.DumpReader;
import org.clinwiki.wikitext.DumpRevision;
import org.clinwiki.wikitext.Sha1Base36;
import org.junit.jupiter.api.Test;

/** The generated dump is one MediaWiki could have written, with what a benchmark of the import needs. */
class SyntheticDumpTest {

    @Test
    void theDumpReadsBackWithEveryRevisionWholeAndPlausible() throws IOException {
        byte[] dump = write(60, 8, 42);
        List<DumpPage> pages = new ArrayList<>();
        List<DumpRevision> revisions = new ArrayList<>();
        try (DumpReader reader = new DumpReader(new ByteArrayInputStream(dump))) {
            assertThat(reader.schemaVersion()).isEqualTo("0.11");
            assertThat(reader.siteInfo().siteName()).isEqualTo("Clinfowiki");
            assertThat(reader.siteInfo().namespaceNames()).containsEntry("clinfowiki", 4).containsEntry("template", 10);
            for (Optional<DumpEntry> entry = reader.next(); entry.isPresent(); entry = reader.next()) {
                switch (entry.get()) {
                    case DumpPage page -> pages.add(page);
                    case DumpRevision revision -> revisions.add(revision);
                    default -> { }
                }
            }
        }

        assertThat(pages).hasSize(60);
        assertThat(revisions).hasSize(480);
        assertThat(pages).extracting(DumpPage::namespace).contains(0, 1, 10);
        assertThat(pages).filteredOn(DumpPage::redirect).isNotEmpty()
                .allSatisfy(page -> assertThat(page.redirectTarget()).isPresent());
        Instant previous = Instant.MIN;
        for (DumpRevision revision : revisions) {
            String text = revision.text().orElseThrow();
            assertThat(revision.sha1()).contains(Sha1Base36.of(text));
            assertThat(revision.timestamp()).isAfter(previous);
            previous = revision.timestamp();
            if (!text.startsWith("#REDIRECT")) {
                assertThat(text.getBytes(StandardCharsets.UTF_8).length).as(text).isBetween(3_000, 15_000);
            }
        }
        assertThat(revisions).extracting(DumpRevision::contributor).hasAtLeastOneElementOfType(Contributor.Anonymous.class)
                .hasAtLeastOneElementOfType(Contributor.Registered.class);
        String all = String.join("\n", revisions.stream().map(r -> r.text().orElseThrow()).toList());
        assertThat(all).contains("== ", "'''", "''", "\n* ", "{| class=\"wikitable\"", "<ref>{{cite journal|", "{{Stub}}",
                "[[Category:", "([[User talk:", "(UTC)", "#REDIRECT [[", "<references />");
    }

    @Test
    void eachRevisionEditsThePreviousOne() throws IOException {
        List<DumpRevision> revisions = new ArrayList<>();
        try (DumpReader reader = new DumpReader(new ByteArrayInputStream(write(1, 20, 7)))) {
            for (Optional<DumpEntry> entry = reader.next(); entry.isPresent(); entry = reader.next()) {
                if (entry.get() instanceof DumpRevision revision) {
                    revisions.add(revision);
                }
            }
        }
        for (int i = 1; i < revisions.size(); i++) {
            String before = revisions.get(i - 1).text().orElseThrow();
            String after = revisions.get(i).text().orElseThrow();
            assertThat(revisions.get(i).parentId()).hasValue(revisions.get(i - 1).id());
            assertThat(after).isNotEqualTo(before);
            // One edit in one place: what comes before it and after it is kept.
            assertThat(commonPrefix(before, after) + commonSuffix(before, after)).as("revision %d keeps most of %d", i, i - 1)
                    .isGreaterThan(Math.min(before.length(), after.length()) / 2);
        }
    }

    @Test
    void theSameSeedWritesTheSameDump() throws IOException {
        assertThat(write(20, 3, 5)).isEqualTo(write(20, 3, 5)).isNotEqualTo(write(20, 3, 6));
    }

    @Test
    void writesFastEnoughToFeedAnImporter() throws IOException {
        long start = System.nanoTime();
        CountingSink sink = new CountingSink();
        SyntheticDump.write(sink, 500, 10, 1);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("SyntheticDump: 5,000 revisions, %d MB in %.2f s: %.0f revisions/s, %.0f MB/s%n",
                sink.count >> 20, seconds, 5_000 / seconds, sink.count / 1e6 / seconds);
        assertThat(sink.count).isGreaterThan(5_000L * 3_000);
    }

    private static byte[] write(int pages, int revisions, long seed) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SyntheticDump.write(out, pages, revisions, seed);
        return out.toByteArray();
    }

    private static int commonPrefix(String a, String b) {
        int n = 0;
        while (n < a.length() && n < b.length() && a.charAt(n) == b.charAt(n)) {
            n++;
        }
        return n;
    }

    private static int commonSuffix(String a, String b) {
        int n = 0;
        while (n < a.length() && n < b.length() && a.charAt(a.length() - 1 - n) == b.charAt(b.length() - 1 - n)) {
            n++;
        }
        return n;
    }

    private static final class CountingSink extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            count += length;
        }
    }
}
