package org.clinwiki.search;

import java.util.List;
import java.util.Optional;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.util.BytesRef;
import org.clinwiki.page.PageSnapshot;
import org.clinwiki.render.Heading;
import org.clinwiki.render.ParsedPage;
import org.clinwiki.title.Namespace;
import org.clinwiki.title.Title;

/** Builds the Lucene document for a page from its latest text. */
final class PageDocument {

    // Positions for phrases; offsets let the highlighter find matches in the text without
    // analysing it again (the text itself is in doc values, SnippetText).
    private static final FieldType ALL_TYPE = new FieldType(TextField.TYPE_NOT_STORED);
    // The spelling vocabulary needs terms only: no positions, no scoring.
    private static final FieldType SPELL_TYPE = new FieldType(TextField.TYPE_NOT_STORED);

    static {
        ALL_TYPE.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        ALL_TYPE.freeze();
        SPELL_TYPE.setIndexOptions(IndexOptions.DOCS);
        SPELL_TYPE.setOmitNorms(true);
        SPELL_TYPE.freeze();
    }

    private PageDocument() {
    }

    static Document page(PageSnapshot change, ParsedPage parsed, List<Title> redirects) {
        Document doc = common(change, SearchFields.PAGE);
        // The text is ALL's first value, so its offsets are places in the snippet text; the
        // highlighter stops at the text's end, before the title's, redirects' and categories' places.
        doc.add(new Field(SearchFields.ALL, parsed.text(), ALL_TYPE));
        doc.add(new BinaryDocValuesField(SearchFields.BODY, SnippetText.pack(parsed.text())));
        Title title = change.title();
        String name = searchableName(title);
        doc.add(new TextField(SearchFields.TITLE, name, Field.Store.NO));
        doc.add(new Field(SearchFields.ALL, name, ALL_TYPE));
        for (Title redirect : redirects) {
            doc.add(new TextField(SearchFields.TITLE, redirect.name(), Field.Store.NO));
            doc.add(new Field(SearchFields.ALL, redirect.name(), ALL_TYPE));
        }
        StringBuilder headings = new StringBuilder();
        for (Heading heading : parsed.headings()) {
            headings.append(heading.text()).append('\n');
        }
        // ALL has the headings in the text already.
        doc.add(new TextField(SearchFields.OUTLINE, headings.toString(), Field.Store.NO));
        for (String category : parsed.categories()) {
            doc.add(new Field(SearchFields.ALL, category, ALL_TYPE));
            doc.add(new TextField(SearchFields.OUTLINE, category, Field.Store.NO));
            doc.add(new StringField(SearchFields.CATEGORY, category, Field.Store.YES));
            doc.add(new SortedSetDocValuesField(SearchFields.CATEGORY, new BytesRef(category)));
        }
        doc.add(new Field(SearchFields.SPELL, title.name() + "\n" + headings + parsed.text(), SPELL_TYPE));
        return doc;
    }

    static Document redirect(PageSnapshot change, Title target) {
        Document doc = common(change, SearchFields.REDIRECT);
        doc.add(new StoredField(SearchFields.REDIRECT_TARGET, target.text()));
        // Empty: a redirect matches no typed word, yet has a length for each scored field like
        // every document (with a gap, scoring finds each page's length through a sparse index).
        doc.add(new TextField(SearchFields.TITLE, "", Field.Store.NO));
        doc.add(new TextField(SearchFields.OUTLINE, "", Field.Store.NO));
        doc.add(new Field(SearchFields.ALL, "", ALL_TYPE));
        return doc;
    }

    private static Document common(PageSnapshot change, String kind) {
        Document doc = new Document();
        Title title = change.title();
        doc.add(new StringField(SearchFields.ID, id(change.pageId()), Field.Store.YES));
        doc.add(new StringField(SearchFields.KIND, kind, Field.Store.YES));
        doc.add(new StoredField(SearchFields.DISPLAY, title.text()));
        // Results read title and date from doc values: reading stored fields means decompressing a block per hit.
        doc.add(new BinaryDocValuesField(SearchFields.DISPLAY, new BytesRef(title.text())));
        doc.add(new StringField(SearchFields.TITLE_KEY, SearchFields.fold(title.text()), Field.Store.NO));
        if (!title.name().equals(title.text())) {
            doc.add(new StringField(SearchFields.TITLE_KEY, SearchFields.fold(title.name()), Field.Store.NO));
        }
        doc.add(new StringField(SearchFields.NAMESPACE, title.namespace().key(), Field.Store.YES));
        doc.add(new StoredField(SearchFields.UPDATED, change.updated().toEpochMilli()));
        doc.add(new NumericDocValuesField(SearchFields.UPDATED, change.updated().toEpochMilli()));
        doc.add(new StringField(SearchFields.AUTHOR, change.author(), Field.Store.YES));
        return doc;
    }

    /**
     * The words of a title. A file's extension is set apart: the tokenizer keeps "Flow.svg" as
     * one word, and nobody searches for a figure by its extension.
     */
    private static String searchableName(Title title) {
        if (title.namespace() != Namespace.FILE) {
            return title.name();
        }
        int dot = title.name().lastIndexOf('.');
        return dot <= 0 ? title.name() : title.name().substring(0, dot) + " " + title.name().substring(dot + 1);
    }

    static String id(long pageId) {
        return Long.toString(pageId);
    }

    /** What a stored document says it redirects to, if it is a redirect. */
    static Optional<String> redirectTarget(Document stored) {
        return Optional.ofNullable(stored.get(SearchFields.REDIRECT_TARGET));
    }
}
