package org.clinwiki.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.clinwiki.title.Title;

/**
 * How pages map to files in a folder of Markdown: the file name is the title with underscores
 * for spaces and {@code .md} after it; a slash in a title is a subfolder. Import and export use
 * the same mapping, so an export imports back unchanged.
 *
 * <p>A title is written by people, a path is interpreted by the operating system, so every
 * part that could mean something else to it is percent-encoded ({@code %2F}, {@code %3A}...):
 * a slash that would make the path absolute or an empty folder, {@code .} and {@code ..},
 * colons (drive letters), characters Windows forbids, trailing dots and spaces, and reserved
 * device names such as {@code CON}. Titles never contain a percent-escape of their own
 * (the title rules refuse {@code %20} and the like), so decoding is exact. A file always lands
 * inside the folder.
 *
 * <p>Public for {@code generate-corpus} (in the benchmark tools), which writes folders that
 * {@code import markdown} reads.
 */
public final class MarkdownFolder {

    static final String EXTENSION = ".md";
    private static final int MAX_NAME_BYTES = 255;
    // Characters Windows refuses in file names; colons are handled apart (namespace prefixes keep theirs).
    private static final String FORBIDDEN = "\\*?\"<>|";
    private static final Set<String> RESERVED = Set.of("CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$",
            "COM0", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "COM¹", "COM²", "COM³",
            "LPT0", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9", "LPT¹", "LPT²", "LPT³");

    private MarkdownFolder() {
    }

    /** The file for a title, always inside {@code root}; fails if a part of it is too long to be a file name. */
    public static Path fileFor(Path root, Title title) throws IOException {
        String text = title.text().replace(' ', '_');
        // The colon after a namespace prefix stays as written ("Category:Standards.md"); any other is encoded.
        int keptColon = title.text().length() - title.name().length() - 1;
        List<String> segments = new ArrayList<>();
        StringBuilder segment = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean separates = c == '/' && !segment.isEmpty() && i + 1 < text.length() && text.charAt(i + 1) != '/';
            if (separates) {
                segments.add(safeSegment(segment.toString()));
                segment.setLength(0);
            } else if (c == '/' || (c == ':' && i != keptColon) || FORBIDDEN.indexOf(c) >= 0 || c < 0x20 || c == 0x7F) {
                segment.append(escape(c));
            } else {
                segment.append(c);
            }
        }
        segments.add(safeSegment(segment + EXTENSION));
        Path file = root;
        for (String part : segments) {
            if (part.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
                throw new IOException("the title is too long to be a file name here");
            }
            file = file.resolve(part);
        }
        Path inside = root.toAbsolutePath().normalize();
        if (!file.toAbsolutePath().normalize().startsWith(inside) || file.toAbsolutePath().normalize().equals(inside)) {
            throw new IOException("the title does not map to a file inside " + root);
        }
        return file;
    }

    /** A path part the file system takes literally: not "." or "..", no trailing dot or space, no device name. */
    private static String safeSegment(String part) {
        String name = part;
        if (name.chars().allMatch(c -> c == '.')) {
            return name.replace(".", escape('.'));
        }
        char last = name.charAt(name.length() - 1);
        if (last == '.' || last == ' ') {
            name = name.substring(0, name.length() - 1) + escape(last);
        }
        int dot = name.indexOf('.');
        String base = (dot < 0 ? name : name.substring(0, dot)).toUpperCase(Locale.ROOT);
        if (RESERVED.contains(base)) {
            name = escape(name.charAt(0)) + name.substring(1);
        }
        return name;
    }

    private static String escape(char c) {
        return "%" + HexFormat.of().withUpperCase().toHexDigits((byte) c);
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
        return Title.parse(decode(text.substring(0, text.length() - EXTENSION.length())));
    }

    /** Undoes {@link #fileFor}'s escapes: a percent sign followed by two hex digits. */
    static String decode(String encoded) {
        StringBuilder out = new StringBuilder(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%' && i + 2 < encoded.length()
                    && HexFormat.isHexDigit(encoded.charAt(i + 1)) && HexFormat.isHexDigit(encoded.charAt(i + 2))) {
                out.append((char) HexFormat.fromHexDigits(encoded, i + 1, i + 3));
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Where a file's bytes lie beside its description page's Markdown: the same name without {@code .md}. */
    static Path bytesFileFor(Path markdownFile) {
        String name = markdownFile.getFileName().toString();
        return markdownFile.resolveSibling(name.substring(0, name.length() - EXTENSION.length()));
    }

    /** Whether a file in an exported folder holds a wiki file's bytes: named as a {@code File:} title, not Markdown. */
    static boolean isFileBytes(Path root, Path file) {
        if (isMarkdown(file)) {
            return false;
        }
        String name = root.relativize(file).toString();
        return name.startsWith("File:") && name.indexOf('/') < 0 && name.indexOf('\\') < 0;
    }

    /** The title of the wiki file whose bytes lie in {@code file}. */
    static Title fileTitleFor(Path root, Path file) {
        return Title.parse(decode(root.relativize(file).toString()));
    }

    static boolean isMarkdown(Path file) {
        return file.getFileName().toString().endsWith(EXTENSION);
    }
}
