package org.clinwiki.wikitext;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reading small dumps whole, for tests. */
final class DumpFixtures {

    private DumpFixtures() {
    }

    static DumpReader reader(String xml) {
        return reader(xml.getBytes(StandardCharsets.UTF_8));
    }

    static DumpReader reader(byte[] dump) {
        try {
            return new DumpReader(new ByteArrayInputStream(dump));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<DumpEntry> entries(String xml) {
        try (DumpReader reader = reader(xml)) {
            return readAll(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<DumpEntry> readAll(DumpReader reader) {
        List<DumpEntry> entries = new ArrayList<>();
        for (Optional<DumpEntry> entry = reader.next(); entry.isPresent(); entry = reader.next()) {
            entries.add(entry.get());
        }
        return entries;
    }

    static <T extends DumpEntry> List<T> only(List<DumpEntry> entries, Class<T> type) {
        return entries.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** A dump of schema {@code version}, in that schema's namespace, with {@code siteInfo} and {@code pages} as written. */
    static String dump(String version, String siteInfo, String pages) {
        return """
                <mediawiki xmlns="http://www.mediawiki.org/xml/export-%1$s/" \
                xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
                xsi:schemaLocation="http://www.mediawiki.org/xml/export-%1$s/ http://www.mediawiki.org/xml/export-%1$s.xsd" \
                version="%1$s" xml:lang="en">
                %2$s
                %3$s
                </mediawiki>
                """.formatted(version, siteInfo, pages);
    }
}
