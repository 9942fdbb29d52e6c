package org.clinwiki.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The per-segment category arrays the facet tally reads, on a real index in a temporary directory. */
class CategoryTablesTest {

    @TempDir
    Path folder;

    @Test
    void aTableListsEachDocumentsCategoriesAndIsDroppedWithItsSegment() throws IOException {
        CategoryTables tables = new CategoryTables();
        try (Directory directory = FSDirectory.open(folder);
             IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer()))) {
            writer.addDocument(page("Interoperability", "Standards"));
            writer.addDocument(page());
            writer.commit();
            writer.addDocument(page("Medication safety"));
            writer.commit();
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                List<List<String>> perDocument = new ArrayList<>();
                for (LeafReaderContext leaf : reader.leaves()) {
                    CategoryTables.Table table = tables.of(leaf.reader());
                    assertThat(tables.of(leaf.reader())).isSameAs(table);
                    for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                        perDocument.add(table.categories(doc));
                    }
                }
                assertThat(perDocument).containsExactly(
                        List.of("Interoperability", "Standards"), List.of(), List.of("Medication safety"));
                assertThat(tables.size()).isEqualTo(2);
            }
            assertThat(tables.size()).isZero();
        }
    }

    private static Document page(String... categories) {
        Document doc = new Document();
        for (String category : categories) {
            doc.add(new SortedSetDocValuesField(SearchFields.CATEGORY, new BytesRef(category)));
        }
        return doc;
    }
}
