package org.clinwiki.cli;

import java.nio.file.Path;
import org.clinwiki.title.Title;

/**
 * How pages map to files in a folder of Markdown: the file name is the title with underscores
 * for spaces and {@code .md} after it; a slash in a title is a subfolder. Import and export
 * use the same mapping, so an export imports back unchanged.
 */
final class MarkdownFolder {

    static final String EXTENSION = ".md";

    private MarkdownFolder() {
    }

    static Path fileFor(Path root, Title title) {
        return root.resolve(title.text().replace(' ', '_') + EXTENSION);
    }

    static Title titleFor(Path root, Path file) {
        Path relative = root.relativize(file);
        StringBuilder name = new StringBuilder();
        for (Path part : relative) {
            if (!name.isEmpty()) {
                name.append('/');
            }
            name.append(part);
        }
        String text = name.toString();
        return Title.parse(text.substring(0, text.length() - EXTENSION.length()));
    }

    static boolean isMarkdown(Path file) {
        return file.getFileName().toString().endsWith(EXTENSION);
    }
}
