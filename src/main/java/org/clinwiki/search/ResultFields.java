package org.clinwiki.search;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;

/** What a result shows besides its snippet, read from doc values and the category tables (no stored-field decompression). */
record ResultFields(String display, List<String> categories, Instant updated) {

    static ResultFields of(IndexReader reader, CategoryTables categories, int doc) throws IOException {
        List<LeafReaderContext> leaves = reader.leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        LeafReader segment = leaf.reader();
        int local = doc - leaf.docBase;

        BinaryDocValues display = DocValues.getBinary(segment, SearchFields.DISPLAY);
        String title = display.advanceExact(local) ? display.binaryValue().utf8ToString() : null;

        NumericDocValues updated = DocValues.getNumeric(segment, SearchFields.UPDATED);
        Instant when = Instant.ofEpochMilli(updated.advanceExact(local) ? updated.longValue() : 0);
        return new ResultFields(title, categories.of(segment).categories(local), when);
    }
}
