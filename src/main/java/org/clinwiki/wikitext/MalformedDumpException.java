package org.clinwiki.wikitext;

/**
 * A dump that can't be read on: bad XML, a truncated or corrupt file, bytes that aren't UTF-8,
 * or a field whose value makes no sense (a revision id that isn't a number). Says where, so a
 * damaged multi-gigabyte dump can be looked at around that line; the entries before it were
 * returned normally. Unchecked, like the rest of a pull loop's failures: an importer stops on it
 * wherever it is.
 */
public final class MalformedDumpException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int line;
    private final int column;

    MalformedDumpException(String kind, String problem, int line, int column, Throwable cause) {
        super("Malformed " + kind + " at line " + line + ", column " + column + ": " + problem, cause);
        this.line = line;
        this.column = column;
    }

    /** The line of the decompressed XML where reading stopped, from 1; -1 when unknown. */
    public int line() {
        return line;
    }

    /** The column on that line, from 1; -1 when unknown. */
    public int column() {
        return column;
    }
}
