package org.clinwiki.render;

import java.util.ArrayList;
import java.util.List;

/** TEMPORARY stub until the helper's version is merged. */
public final class Sections {
    public record Section(int number, int level, String heading, int start, int end) {
    }

    private final List<Section> all;

    private Sections(List<Section> all) {
        this.all = all;
    }

    public static Sections of(String markdown) {
        List<Section> all = new ArrayList<>();
        int n = 0;
        int lineStart = 0;
        while (lineStart < markdown.length()) {
            if (markdown.startsWith("#", lineStart)) {
                all.add(new Section(++n, 2, "", lineStart, 0));
            }
            int nl = markdown.indexOf('\n', lineStart);
            lineStart = nl < 0 ? markdown.length() : nl + 1;
        }
        return new Sections(all);
    }

    public static String appendSection(String markdown, String heading, String body) {
        return markdown + "\n\n## " + heading + "\n\n" + body;
    }

    public String replace(int number, String text) {
        throw new java.util.NoSuchElementException("stub");
    }

    public java.util.Optional<Section> get(int number) {
        return all.stream().filter(s -> s.number() == number).findFirst();
    }

    public List<Section> all() {
        return all;
    }
}
