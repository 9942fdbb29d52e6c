package org.clinwiki.render;

import java.util.ArrayList;
import java.util.List;

/** One {@code |}-separated part of a call: {@code text[from, to)} with the calls and parameters inside it. */
record CallPart(String text, int from, int to, List<Braces> nodes, boolean trim) {

    CallPart(String text, int from, int to, List<Braces> nodes) {
        this(text, from, to, nodes, false);
    }

    CallPart trimmed() {
        return new CallPart(text, from, to, nodes, true);
    }

    String expand(Transclusion transclusion, Transclusion.Frame frame) {
        return transclusion.expanded(text, from, to, nodes, frame);
    }

    /** The first {@code =} outside nested calls and links, or -1: a named argument. */
    int equalsSign() {
        return firstOutside(text, from, to, nodes, '=');
    }

    /**
     * Splits a node's inner text at {@code |} outside nested calls and wiki links. Linear: each
     * search starts where the last ended, and finds its first nested call by binary search.
     */
    static List<CallPart> split(String text, Braces node) {
        List<CallPart> parts = new ArrayList<>();
        int from = node.innerStart();
        int end = node.innerEnd();
        for (int bar = firstOutside(text, from, end, node.children(), '|'); bar >= 0;
             bar = firstOutside(text, from, end, node.children(), '|')) {
            parts.add(new CallPart(text, from, bar, node.children()));
            from = bar + 1;
        }
        parts.add(new CallPart(text, from, end, node.children()));
        return parts;
    }

    private static int firstOutside(String text, int from, int to, List<Braces> nodes, char wanted) {
        int links = 0;
        int next = firstEndingAfter(nodes, from);
        for (int i = from; i < to; i++) {
            while (next < nodes.size() && nodes.get(next).end() <= i) {
                next++;
            }
            if (next < nodes.size() && nodes.get(next).start() <= i) {
                i = nodes.get(next).end() - 1;
                continue;
            }
            char c = text.charAt(i);
            if (c == '[' && i + 1 < to && text.charAt(i + 1) == '[') {
                links++;
                i++;
            } else if (c == ']' && links > 0 && i + 1 < to && text.charAt(i + 1) == ']') {
                links--;
                i++;
            } else if (c == wanted && links == 0) {
                return i;
            }
        }
        return -1;
    }

    /** The index of the first node ending after {@code offset}: nodes are in order and do not overlap. */
    static int firstEndingAfter(List<Braces> nodes, int offset) {
        int low = 0;
        int high = nodes.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (nodes.get(middle).end() <= offset) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }
}
