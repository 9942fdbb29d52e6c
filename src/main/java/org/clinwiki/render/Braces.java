package org.clinwiki.render;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Pairs the braces of template calls ({@code {{...}}}) and parameters ({@code {{{...}}}}) in one
 * pass with a stack, as MediaWiki's preprocessor does, so hostile text (thousands of unclosed
 * {@code {{}) costs linear time. Braces inside code are not markup.
 *
 * @param parameter {@code {{{...}}}} rather than {@code {{...}}}
 * @param start     index of the first opening brace
 * @param end       index after the last closing brace
 * @param children  the calls and parameters inside, in order
 */
record Braces(boolean parameter, int start, int end, List<Braces> children) {

    int open() {
        return parameter ? 3 : 2;
    }

    /** The text between the braces starts here. */
    int innerStart() {
        return start + open();
    }

    int innerEnd() {
        return end - open();
    }

    /** The outermost calls and parameters of {@code text}, in order. */
    static List<Braces> parse(String text) {
        CodeRegions code = CodeRegions.of(text);
        List<Braces> top = new ArrayList<>();
        Deque<Open> stack = new ArrayDeque<>();
        int i = 0;
        int length = text.length();
        while (i < length) {
            if (code.contains(i)) {
                i = Math.max(code.end(i), i + 1);
                continue;
            }
            char c = text.charAt(i);
            if (c != '{' && c != '}') {
                i++;
                continue;
            }
            int run = 1;
            while (i + run < length && text.charAt(i + run) == c) {
                run++;
            }
            if (c == '{') {
                opening(stack, i, run);
            } else {
                closing(stack, top, i, run);
            }
            i += run;
        }
        // Never closed: not markup, but what was closed inside them still is.
        while (!stack.isEmpty()) {
            Open unclosed = stack.pop();
            List<Braces> parent = stack.isEmpty() ? top : stack.peek().children;
            parent.addAll(unclosed.children);
        }
        top.sort((a, b) -> Integer.compare(a.start, b.start));
        return top;
    }

    /** Two braces open a call, three a parameter; five a call whose name is a parameter; four a brace and a parameter. */
    private static void opening(Deque<Open> stack, int at, int run) {
        if (run == 2) {
            stack.push(new Open(false, at));
        } else if (run == 3) {
            stack.push(new Open(true, at));
        } else if (run == 4) {
            stack.push(new Open(true, at + 1));
        } else if (run >= 5) {
            stack.push(new Open(false, at + run - 5));
            stack.push(new Open(true, at + run - 3));
        }
    }

    private static void closing(Deque<Open> stack, List<Braces> top, int at, int run) {
        int used = 0;
        while (!stack.isEmpty()) {
            Open open = stack.peek();
            int needed = open.parameter ? 3 : 2;
            if (run - used < needed) {
                return;
            }
            stack.pop();
            used += needed;
            Braces closed = new Braces(open.parameter, open.start, at + used, List.copyOf(open.children));
            (stack.isEmpty() ? top : stack.peek().children).add(closed);
        }
    }

    private static final class Open {
        final boolean parameter;
        final int start;
        final List<Braces> children = new ArrayList<>();

        Open(boolean parameter, int start) {
            this.parameter = parameter;
            this.start = start;
        }
    }
}
