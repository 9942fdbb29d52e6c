package org.clinwiki.diff;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Numbers spans by their text, so that sequences of lines or tokens are compared as ints: equal
 * text, equal symbol. Symbols are 0, 1, 2... in order of first appearance.
 *
 * <p>An open-addressing table over the spans themselves, rather than a map of strings, to keep a
 * 2 MiB page's lines at a few bytes each. Its hash is seeded afresh for every table: with a fixed
 * hash a page could be written whose lines all collide, and numbering them would take quadratic
 * time. The seed changes where symbols sit in the table, never which symbol a span gets.
 */
final class SymbolTable {

    private final long seed = ThreadLocalRandom.current().nextLong();
    private final List<Spans> sources = new ArrayList<>();
    private int[] slots = new int[16];          // symbol + 1, or 0 where free
    private int[] hashes = new int[8];          // by symbol
    private int[] sourceOf = new int[8];        // by symbol: which source the symbol was first seen in
    private int[] spanOf = new int[8];          // by symbol: and which span there
    private int size;
    private long probes;

    /** The symbols of each text's spans, numbered together; and how many distinct symbols there are. */
    record Encoding(int[][] symbols, int size) {
    }

    /**
     * The texts' spans numbered together. The table itself, the larger part, is left behind for
     * the garbage collector before any comparing starts.
     */
    static Encoding encode(Spans... texts) {
        SymbolTable table = new SymbolTable();
        int[][] symbols = new int[texts.length][];
        for (int i = 0; i < texts.length; i++) {
            symbols[i] = table.encode(texts[i]);
        }
        return new Encoding(symbols, table.size());
    }

    /** The symbols of all spans, numbering those not seen before. */
    int[] encode(Spans spans) {
        int source = sources.size();
        sources.add(spans);
        int[] symbols = new int[spans.count()];
        for (int i = 0; i < symbols.length; i++) {
            symbols[i] = symbolOf(source, spans, i);
        }
        return symbols;
    }

    /** Slots looked at so far, finding or placing symbols: about one per span while hashes spread well. */
    long probes() {
        return probes;
    }

    /** How many distinct symbols there are: every symbol is below this. */
    int size() {
        return size;
    }

    private int symbolOf(int source, Spans spans, int span) {
        long wide = spans.hash(span, seed);
        int hash = (int) (wide ^ (wide >>> 32));
        int mask = slots.length - 1;
        for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
            probes++;
            int entry = slots[slot];
            if (entry == 0) {
                return add(hash, source, span, slot);
            }
            int symbol = entry - 1;
            if (hashes[symbol] == hash && sources.get(sourceOf[symbol]).sameText(spanOf[symbol], spans, span)) {
                return symbol;
            }
        }
    }

    private int add(int hash, int source, int span, int slot) {
        int symbol = size++;
        if (symbol == hashes.length) {
            hashes = Arrays.copyOf(hashes, symbol * 2);
            sourceOf = Arrays.copyOf(sourceOf, symbol * 2);
            spanOf = Arrays.copyOf(spanOf, symbol * 2);
        }
        hashes[symbol] = hash;
        sourceOf[symbol] = source;
        spanOf[symbol] = span;
        slots[slot] = symbol + 1;
        if (2 * size > slots.length) {
            rehash(slots.length * 2);
        }
        return symbol;
    }

    // Keeps the table at most half full, so a free slot is always a few probes away.
    private void rehash(int capacity) {
        int[] grown = new int[capacity];
        int mask = capacity - 1;
        for (int symbol = 0; symbol < size; symbol++) {
            int slot = hashes[symbol] & mask;
            while (grown[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            grown[slot] = symbol + 1;
        }
        slots = grown;
    }
}
