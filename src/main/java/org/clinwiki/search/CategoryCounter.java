package org.clinwiki.search;

import java.io.IOException;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;

/** Counts matching documents per category, from doc values: the facet counts beside the results. */
final class CategoryCounter implements Collector {

    private final Map<String, Integer> counts = new HashMap<>();
    private long hits;

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
        SortedSetDocValues values = DocValues.getSortedSet(context.reader(), SearchFields.CATEGORY);
        int[] perOrdinal = new int[(int) Math.min(Integer.MAX_VALUE, values.getValueCount())];
        return new LeafCollector() {
            @Override
            public void setScorer(Scorable scorer) {
            }

            @Override
            public void collect(int doc) throws IOException {
                hits++;
                if (values.advanceExact(doc)) {
                    for (int i = 0; i < values.docValueCount(); i++) {
                        perOrdinal[(int) values.nextOrd()]++;
                    }
                }
            }

            @Override
            public void finish() throws IOException {
                for (int ord = 0; ord < perOrdinal.length; ord++) {
                    if (perOrdinal[ord] > 0) {
                        counts.merge(values.lookupOrd(ord).utf8ToString(), perOrdinal[ord], Integer::sum);
                    }
                }
            }
        };
    }

    @Override
    public ScoreMode scoreMode() {
        return ScoreMode.COMPLETE_NO_SCORES;
    }

    /** The counts of all collectors of one search, most common category first. */
    record Counts(long hits, List<CategoryCount> categories) {
    }

    static CollectorManager<CategoryCounter, Counts> manager() {
        return new CollectorManager<>() {
            @Override
            public CategoryCounter newCollector() {
                return new CategoryCounter();
            }

            @Override
            public Counts reduce(Collection<CategoryCounter> collectors) {
                Map<String, Integer> all = new HashMap<>();
                long hits = 0;
                for (CategoryCounter collector : collectors) {
                    hits += collector.hits;
                    collector.counts.forEach((name, count) -> all.merge(name, count, Integer::sum));
                }
                List<CategoryCount> sorted = all.entrySet().stream()
                        .map(entry -> new CategoryCount(entry.getKey(), entry.getValue()))
                        .sorted(Comparator.comparingInt(CategoryCount::count).reversed().thenComparing(CategoryCount::name))
                        .toList();
                return new Counts(hits, sorted);
            }
        };
    }
}
