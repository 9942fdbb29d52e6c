package org.clinwiki.search;

import java.io.IOException;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;

/** Counts matching documents per category ({@link CategoryTables}): the facet counts beside the results. */
final class CategoryCounter implements Collector {

    private final CategoryTables tables;
    private final Map<String, Integer> counts = new HashMap<>();
    private long hits;

    private CategoryCounter(CategoryTables tables) {
        this.tables = tables;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
        CategoryTables.Table table = tables.of(context.reader());
        int[] starts = table.starts();
        int[] ordinals = table.ordinals();
        int[] perOrdinal = new int[table.names().length];
        return new LeafCollector() {
            @Override
            public void setScorer(Scorable scorer) {
            }

            @Override
            public void collect(int doc) {
                hits++;
                for (int i = starts[doc]; i < starts[doc + 1]; i++) {
                    perOrdinal[ordinals[i]]++;
                }
            }

            @Override
            public void finish() {
                for (int ord = 0; ord < perOrdinal.length; ord++) {
                    if (perOrdinal[ord] > 0) {
                        counts.merge(table.names()[ord], perOrdinal[ord], Integer::sum);
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

    static CollectorManager<CategoryCounter, Counts> manager(CategoryTables tables) {
        return new CollectorManager<>() {
            @Override
            public CategoryCounter newCollector() {
                return new CategoryCounter(tables);
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
