package org.clinwiki.search;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedSetDocValues;

/** What a result shows besides its snippet, read from doc values (no stored-field decompression). */
record ResultFields(String display, List<String> categories, Instant updated) {

    static ResultFields of(IndexReader reader, int doc) throws IOException {
        List<LeafReaderContext> leaves = reader.leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        LeafReader segment = leaf.reader();
        int local = doc - leaf.docBase;

        BinaryDocValues display = DocValues.getBinary(segment, SearchFields.DISPLAY);
        String title = display.advanceExact(local) ? display.binaryValue().utf8ToString() : null;

        SortedSetDocValues categoryValues = DocValues.getSortedSet(segment, SearchFields.CATEGORY);
        List<String> categories = new ArrayList<>();
        if (categoryValues.advanceExact(local)) {
            for (int i = 0; i < categoryValues.docValueCount(); i++) {
                categories.add(categoryValues.lookupOrd(categoryValues.nextOrd()).utf8ToString());
            }
        }

        NumericDocValues updated = DocValues.getNumeric(segment, SearchFields.UPDATED);
        Instant when = Instant.ofEpochMilli(updated.advanceExact(local) ? updated.longValue() : 0);
        return new ResultFields(title, List.copyOf(categories), when);
    }
}
