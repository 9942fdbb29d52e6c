package org.clinwiki.file;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.tika.Tika;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypeException;
import org.apache.tika.mime.MimeTypes;

/**
 * The types a wiki accepts, and the type of an upload as its bytes show it. The name is never
 * shown to the detector: a browser or a reader trusts what the bytes are, so an HTML page named
 * {@code cat.png} must be refused as HTML, not stored as a PNG. The name's extension still has to
 * agree with the bytes, so that a file's title never lies about what a download will be.
 *
 * <p>Extra types (a server option) are served as downloads. Tika's core detector cannot always
 * name them from bytes alone: a CSV file reads as plain text and a Word file as a ZIP archive. So
 * an extra type is accepted when the bytes are that type or a more general type it specialises
 * (never merely "some bytes"), and the extension picks which.
 */
public final class FileTypes {

    private static final String SVG_MEDIA_TYPE = FileType.SVG.mediaType();
    private static final int SVG_ROOT_SEARCH = 64 * 1024;

    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("image/png", "a PNG image"),
            Map.entry("image/jpeg", "a JPEG image"),
            Map.entry("image/gif", "a GIF image"),
            Map.entry("image/webp", "a WebP image"),
            Map.entry("image/svg+xml", "an SVG image"),
            Map.entry("application/pdf", "a PDF document"),
            Map.entry("text/html", "HTML"),
            Map.entry("application/xhtml+xml", "XHTML"),
            Map.entry("text/plain", "plain text"),
            Map.entry("application/xml", "XML"),
            Map.entry("application/zip", "a ZIP archive"),
            Map.entry("application/javascript", "JavaScript"),
            Map.entry("text/javascript", "JavaScript"),
            Map.entry("application/x-msdownload", "a Windows program"),
            Map.entry("application/x-executable", "a program"),
            Map.entry("image/bmp", "a BMP image"),
            Map.entry("image/tiff", "a TIFF image"));

    private final Tika tika = new Tika();
    private final MediaTypeRegistry registry = MimeTypes.getDefaultMimeTypes().getMediaTypeRegistry();
    private final Map<String, FileType> allowed = new LinkedHashMap<>();

    /**
     * @param extraMediaTypes media types allowed besides the built-in six, each known to Tika with
     *     at least one file extension
     * @throws IllegalArgumentException for a media type Tika does not know a file extension for
     */
    public FileTypes(List<String> extraMediaTypes) {
        for (FileType type : FileType.BUILT_IN) {
            allowed.put(type.mediaType(), type);
        }
        for (String extra : extraMediaTypes) {
            String mediaType = normalise(extra);
            allowed.putIfAbsent(mediaType, new FileType(mediaType, extensionsOf(mediaType), FileType.Display.DOWNLOAD));
        }
    }

    /** Every allowed type, the built-in ones first. */
    public List<FileType> allowed() {
        return List.copyOf(allowed.values());
    }

    /**
     * The type of a file, read from its bytes only, checked against its name's extension.
     *
     * @param extension the name's extension, with or without the dot, in any case
     * @throws UnsupportedFileException when the bytes are empty or not an allowed type, or the
     *     extension does not belong to the type the bytes are
     */
    public FileType detect(byte[] bytes, String extension) {
        if (bytes.length == 0) {
            throw new UnsupportedFileException("The file is empty.");
        }
        String found = typeOfBytes(bytes);
        String ext = extension == null ? "" : extension.strip().replaceFirst("^\\.", "").toLowerCase(Locale.ROOT);
        FileType exact = allowed.get(found);
        if (exact != null) {
            return withExtension(exact, found, ext);
        }
        List<FileType> specialisations = specialisationsOf(found);
        if (specialisations.isEmpty()) {
            throw new UnsupportedFileException("The file's bytes are " + describe(found) + ", which cannot be uploaded.");
        }
        for (FileType type : specialisations) {
            if (type.hasExtension(ext)) {
                return type;
            }
        }
        List<String> names = specialisations.stream().flatMap(t -> t.extensions().stream()).toList();
        throw new UnsupportedFileException("The file's bytes are " + describe(found) + ", which can be uploaded only as ."
                + String.join(", .", names) + (ext.isEmpty() ? "; the name has no extension." : ", not ." + ext + "."));
    }

    private FileType withExtension(FileType type, String found, String ext) {
        if (type.hasExtension(ext)) {
            return type;
        }
        if (ext.isEmpty()) {
            throw new UnsupportedFileException("The file's bytes are " + describe(found)
                    + ", but its name has no extension; give it ." + type.extensions().getFirst() + ".");
        }
        String claimed = claimedBy(ext);
        throw new UnsupportedFileException("The file's bytes are " + describe(found) + ", but its name ends in ." + ext
                + (claimed == null ? "" : ", which is for " + NAMES.getOrDefault(claimed, claimed)) + "; give it ." + type.extensions().getFirst() + ".");
    }

    private String typeOfBytes(byte[] bytes) {
        // Tika's own detect(byte[]) is given no name, so only magic numbers and content count.
        String detected = normalise(tika.detect(bytes));
        if ((detected.equals("text/plain") || detected.equals("application/xml")) && hasSvgRoot(bytes)) {
            // Tika names SVG by its namespace in the first bytes; an SVG with a long comment or no
            // namespace attribute before the root comes back as plain text or XML.
            return SVG_MEDIA_TYPE;
        }
        return detected;
    }

    /** The extra types that are the found type made more specific (a CSV is plain text); never for unknown bytes. */
    private List<FileType> specialisationsOf(String found) {
        MediaType general = MediaType.parse(found);
        List<FileType> out = new ArrayList<>();
        if (general == null || general.equals(MediaType.OCTET_STREAM)) {
            return out;
        }
        for (FileType type : allowed.values()) {
            if (type.display() == FileType.Display.DOWNLOAD && registry.isSpecializationOf(MediaType.parse(type.mediaType()), general)) {
                out.add(type);
            }
        }
        return out;
    }

    private String claimedBy(String ext) {
        for (FileType type : allowed.values()) {
            if (type.hasExtension(ext)) {
                return type.mediaType();
            }
        }
        return null;
    }

    private String normalise(String mediaType) {
        MediaType parsed = MediaType.parse(mediaType.strip().toLowerCase(Locale.ROOT));
        if (parsed == null) {
            throw new IllegalArgumentException("Not a media type: " + mediaType);
        }
        return registry.normalize(parsed).getBaseType().toString();
    }

    private static List<String> extensionsOf(String mediaType) {
        try {
            List<String> extensions = MimeTypes.getDefaultMimeTypes().forName(mediaType).getExtensions().stream()
                    .map(e -> e.replaceFirst("^\\.", "").toLowerCase(Locale.ROOT))
                    .distinct()
                    .toList();
            if (extensions.isEmpty()) {
                throw new IllegalArgumentException("No file extension is known for " + mediaType);
            }
            return extensions;
        } catch (MimeTypeException e) {
            throw new IllegalArgumentException("Not a media type: " + mediaType, e);
        }
    }

    private static String describe(String mediaType) {
        if (mediaType.equals(MediaType.OCTET_STREAM.toString())) {
            return "of no type that could be recognised";
        }
        return NAMES.getOrDefault(mediaType, "of type " + mediaType);
    }

    /** Whether the first element after the prolog (declaration, comments, doctype) is {@code <svg>}. */
    static boolean hasSvgRoot(byte[] bytes) {
        String text = new String(bytes, 0, Math.min(bytes.length, SVG_ROOT_SEARCH), java.nio.charset.StandardCharsets.UTF_8);
        int at = text.startsWith("\uFEFF") ? 1 : 0;
        while (true) {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
            if (text.startsWith("<?", at)) {
                at = after(text, "?>", at);
            } else if (text.startsWith("<!--", at)) {
                at = after(text, "-->", at);
            } else if (text.startsWith("<!DOCTYPE", at)) {
                int close = text.indexOf('>', at);
                int subset = text.indexOf('[', at);
                at = subset >= 0 && (close < 0 || subset < close) ? after(text, "]", subset) : at;
                at = after(text, ">", at);
            } else {
                break;
            }
            if (at < 0) {
                return false;
            }
        }
        if (!text.startsWith("<svg", at) || at + 4 >= text.length()) {
            return false;
        }
        char next = text.charAt(at + 4);
        return Character.isWhitespace(next) || next == '>' || next == '/';
    }

    private static int after(String text, String end, int from) {
        int found = text.indexOf(end, from);
        return found < 0 ? -1 : found + end.length();
    }
}
