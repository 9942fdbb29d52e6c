package org.clinwiki.wikitext;

import java.util.List;

/**
 * Writes a line's pieces: text escaped, Markdown as it is, apostrophe runs as Markdown emphasis.
 * Markdown only opens emphasis before a non-space and closes it after one, so spaces are moved
 * outside the markers; emphasis around nothing is left out; what is open at the line's end is
 * closed there, as MediaWiki closes it.
 */
final class Emphasis {
    private final MarkdownEscaper.Place place;
    private final Issues issues;
    private final StringBuilder out = new StringBuilder();
    private final StringBuilder pendingOpen = new StringBuilder();
    private boolean italic;
    private boolean bold;
    /** Whether italic opened inside bold (closing then needs the inner one first). */
    private boolean italicInner;
    /** Whether the output is still at the start of a line, where more characters start blocks; a table cell has none. */
    private boolean lineStart;

    Emphasis(MarkdownEscaper.Place place, Issues issues) {
        this.place = place;
        this.issues = issues;
        this.lineStart = place == MarkdownEscaper.Place.TEXT;
    }

    String write(List<InlinePiece> pieces, Quotes.Run[] runs) {
        int run = 0;
        for (InlinePiece piece : pieces) {
            switch (piece.kind()) {
                case TEXT -> text(Entities.decode(piece.text()));
                case MARKDOWN -> markdown(piece.text());
                case QUOTES -> quotes(runs[run++]);
            }
        }
        closeAll();
        return out.toString();
    }

    private void text(String plain) {
        if (plain.isEmpty()) {
            return;
        }
        int lead = 0;
        while (lead < plain.length() && Character.isWhitespace(plain.charAt(lead))) {
            lead++;
        }
        if (!pendingOpen.isEmpty() && lead < plain.length()) {
            if (!lineStart) {
                out.append(plain, 0, lead);
            }
            out.append(pendingOpen);
            pendingOpen.setLength(0);
            lineStart = false;
            MarkdownEscaper.append(out, plain.substring(lead), false, place);
            return;
        }
        if (!pendingOpen.isEmpty()) {
            // Only spaces: they stay before the emphasis that is yet to open.
            if (!lineStart) {
                out.append(plain);
            }
            return;
        }
        lineStart = MarkdownEscaper.append(out, plain, lineStart, place);
    }

    private void markdown(String markdown) {
        out.append(pendingOpen).append(markdown);
        pendingOpen.setLength(0);
        lineStart = false;
    }

    private void quotes(Quotes.Run run) {
        if (run.literal() > 0) {
            text("'".repeat(run.literal()));
        }
        if (place == MarkdownEscaper.Place.LABEL) {
            // A wiki link's label shows as typed in Clinwiki: emphasis cannot be written there.
            issues.add("bold or italic inside a link's label", "dropped: Clinwiki shows a label as typed");
            return;
        }
        switch (run.kind()) {
            case Quotes.ITALIC -> toggleItalic();
            case Quotes.BOLD -> toggleBold();
            default -> {
                if (italic && bold) {
                    closeAll();
                } else if (italic) {
                    toggleItalic();
                    toggleBold();
                } else if (bold) {
                    toggleBold();
                    toggleItalic();
                } else {
                    bold = true;
                    italic = true;
                    italicInner = true;
                    pendingOpen.append("***");
                }
            }
        }
    }

    private void toggleItalic() {
        if (!italic) {
            italic = true;
            italicInner = bold;
            pendingOpen.append('*');
        } else if (bold && !italicInner) {
            // Bold inside italic: MediaWiki closes both and reopens bold.
            close("**");
            close("*");
            italic = false;
            pendingOpen.append("**");
        } else {
            close("*");
            italic = false;
        }
    }

    private void toggleBold() {
        if (!bold) {
            bold = true;
            italicInner = false;
            pendingOpen.append("**");
        } else if (italic && italicInner) {
            close("*");
            close("**");
            bold = false;
            pendingOpen.append('*');
            italicInner = false;
        } else {
            close("**");
            bold = false;
        }
    }

    private void closeAll() {
        if (italic && bold && italicInner) {
            close("*");
            close("**");
        } else if (italic && bold) {
            close("**");
            close("*");
        } else if (italic) {
            close("*");
        } else if (bold) {
            close("**");
        }
        italic = false;
        bold = false;
        pendingOpen.setLength(0);
    }

    /** Closes emphasis before any trailing space, where Markdown can close it; an empty one is dropped. */
    private void close(String marker) {
        int pending = pendingOpen.length();
        if (pending >= marker.length() && pendingOpen.lastIndexOf(marker) == pending - marker.length()) {
            pendingOpen.setLength(pending - marker.length());
            return;
        }
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == ' ') {
            end--;
        }
        out.insert(end, marker);
    }
}
