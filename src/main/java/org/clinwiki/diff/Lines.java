package org.clinwiki.diff;

import java.util.Arrays;
import java.util.List;

/** Splitting texts into lines and joining them back, losing nothing. */
final class Lines {

    private Lines() {
    }

    static List<String> split(String text) {
        return text.isEmpty() ? List.of() : Arrays.asList(text.split("\n", -1));
    }

    static String join(List<String> lines) {
        return String.join("\n", lines);
    }
}
