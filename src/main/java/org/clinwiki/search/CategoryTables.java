package org.clinwiki.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.SortedSetDocValues;

/**
 * Each index segment's categories per document, copied from doc values into plain arrays once
 * per segment. The category tally visits every match of a search: decoding doc values for
 * each was a sixth of a search's time, an array lookup costs next to nothing. A segment's
 * categories never change (an edited page is a new document in a newer segment), so a table
 * lives as long as its segment and is dropped when the segment closes. Thread-safe.
 */
final class CategoryTables {

    private final Map<IndexReader.CacheKey, Table> bySegment = new ConcurrentHashMap<>();

    /** The categories of one segment: document {@code d}'s ordinals are {@code ordinals[starts[d]..starts[d + 1])}. */
    record Table(String[] names, int[] starts, int[] ordinals) {

        /** Document {@code doc}'s categories, in name order. */
        List<String> categories(int doc) {
            List<String> categories = new ArrayList<>(starts[doc + 1] - starts[doc]);
            for (int i = starts[doc]; i < starts[doc + 1]; i++) {
                categories.add(names[ordinals[i]]);
            }
            return List.copyOf(categories);
        }
    }

    Table of(LeafReader segment) throws IOException {
        IndexReader.CacheHelper core = segment.getCoreCacheHelper();
        if (core == null) {
            return read(segment);
        }
        try {
            return bySegment.computeIfAbsent(core.getKey(), key -> {
                core.addClosedListener(bySegment::remove);
                try {
                    return read(segment);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Segments with a table, for tests. */
    int size() {
        return bySegment.size();
    }

    private static Table read(LeafReader segment) throws IOException {
        SortedSetDocValues values = DocValues.getSortedSet(segment, SearchFields.CATEGORY);
        String[] names = new String[(int) values.getValueCount()];
        for (int ord = 0; ord < names.length; ord++) {
            names[ord] = values.lookupOrd(ord).utf8ToString();
        }
        int documents = segment.maxDoc();
        int[] starts = new int[documents + 1];
        int[] ordinals = new int[Math.max(16, documents)];
        int used = 0;
        for (int doc = 0; doc < documents; doc++) {
            starts[doc] = used;
            if (values.advanceExact(doc)) {
                int count = values.docValueCount();
                if (used + count > ordinals.length) {
                    ordinals = Arrays.copyOf(ordinals, Math.max(used + count, ordinals.length * 2));
                }
                for (int i = 0; i < count; i++) {
                    ordinals[used++] = (int) values.nextOrd();
                }
            }
        }
        starts[documents] = used;
        return new Table(names, starts, Arrays.copyOf(ordinals, used));
    }
}
