package org.clinwiki.render;

/** TEMPORARY stub until the helper's version is merged. */
final class CodeRegions {
    static CodeRegions of(String text) {
        return new CodeRegions();
    }

    boolean contains(int index) {
        return false;
    }

    int end(int index) {
        return index + 1;
    }
}
