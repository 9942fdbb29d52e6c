package org.clinwiki.wikitext;

/**
 * The state of converting one revision: the report, the stashed pieces, the notes and how deep
 * the conversion has recursed (a note's body, a template's argument, a quotation are converted
 * as texts of their own). Not thread-safe: one per conversion.
 */
final class Session {

    /** Deeper than this, nested pieces stay as escaped text: only hostile or broken pages nest so far. */
    static final int MAX_DEPTH = 40;

    private final SourceSite site;
    private final Namespaces namespaces;
    private final Namespaces.Parsed page;
    private final Issues issues = new Issues();
    private final Stash stash = new Stash();
    private final References references = new References(this);
    private int depth;
    private int externalLinks;

    Session(SourceSite site, Namespaces namespaces, String pageTitle) {
        this.site = site;
        this.namespaces = namespaces;
        this.page = namespaces.parse(pageTitle == null ? "" : pageTitle);
    }

    /** Wikitext as written (a page, a note's body) converted: every pass, tokens left for the end. */
    String document(String wikitext) {
        if (depth >= MAX_DEPTH) {
            issues.add("markup nested more than " + MAX_DEPTH + " deep", "the innermost kept as text");
            return MarkdownEscaper.escape(wikitext, MarkdownEscaper.Place.TEXT);
        }
        depth++;
        try {
            String cut = ExtensionTags.cut(wikitext, this);
            return BlockLevels.convert(TemplateCalls.replace(cut, this), this);
        } finally {
            depth--;
        }
    }

    /** Text already cut and called (a table cell's blocks) read into blocks, within the depth limit. */
    String blocks(String text) {
        if (depth >= MAX_DEPTH) {
            issues.add("markup nested more than " + MAX_DEPTH + " deep", "the innermost kept as text");
            return MarkdownEscaper.escape(stash.source(text), MarkdownEscaper.Place.TEXT);
        }
        depth++;
        try {
            return BlockLevels.convert(text, this);
        } finally {
            depth--;
        }
    }

    /**
     * A piece of text already cut (a template's argument): its calls and markup converted, blocks
     * only if it spans lines. Spacing around it is kept, since a template may place it anywhere.
     */
    String fragment(String text, MarkdownEscaper.Place place) {
        int start = 0;
        int end = text.length();
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (start == end) {
            return text;
        }
        String core = text.substring(start, end);
        if (isWord(core)) {
            // A file name, a URL, a number: the template decides what it is, so it goes in as written.
            return text;
        }
        String converted;
        if (depth >= MAX_DEPTH) {
            issues.add("markup nested more than " + MAX_DEPTH + " deep", "the innermost kept as text");
            converted = MarkdownEscaper.escape(stash.source(core), place);
        } else {
            depth++;
            try {
                String called = TemplateCalls.replace(core, this);
                converted = called.indexOf('\n') >= 0 ? BlockLevels.convert(called, this).strip() : Inline.convert(called, this, place);
            } finally {
                depth--;
            }
        }
        return text.substring(0, start) + converted + text.substring(end);
    }

    /** Inline markup of text whose calls are already tokens (a link's label, a caption). */
    String inline(String text, MarkdownEscaper.Place place) {
        if (place == MarkdownEscaper.Place.LABEL && isPlainLabel(text)) {
            return text;
        }
        if (depth >= MAX_DEPTH) {
            return MarkdownEscaper.escape(stash.source(text), place);
        }
        depth++;
        try {
            return Inline.convert(text, this, place);
        } finally {
            depth--;
        }
    }

    /** Whether an argument is one word with no markup in it. */
    private static boolean isWord(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || c == '[' || c == ']' || c == '\'' || c == '<' || c == '>' || c == '{' || c == '}'
                    || c == '&' || c == Stash.START || c == '~' || c == '`' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    /** A label with nothing to convert, as most are: shown as typed, so kept as it is. */
    private static boolean isPlainLabel(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'' || c == '<' || c == '&' || c == '[' || c == '_' || c == '\n' || c == ':') {
                return false;
            }
        }
        return true;
    }

    int nextExternalLinkNumber() {
        return ++externalLinks;
    }

    SourceSite site() {
        return site;
    }

    Namespaces namespaces() {
        return namespaces;
    }

    Namespaces.Parsed page() {
        return page;
    }

    Issues issues() {
        return issues;
    }

    Stash stash() {
        return stash;
    }

    References references() {
        return references;
    }
}
