package org.clinwiki.file;

import java.util.List;
import java.util.Locale;

/**
 * An allowed kind of file, as read from its bytes: its media type, the name extensions that may
 * carry it (the first is the usual one), and how a reader sees it.
 */
public record FileType(String mediaType, List<String> extensions, Display display) {

    /** How a file is shown: a raster image (thumbnails made), a vector image, or a download. */
    public enum Display { RASTER, VECTOR, DOWNLOAD }

    public static final FileType PNG = new FileType("image/png", List.of("png"), Display.RASTER);
    public static final FileType JPEG = new FileType("image/jpeg", List.of("jpg", "jpeg", "jpe"), Display.RASTER);
    public static final FileType GIF = new FileType("image/gif", List.of("gif"), Display.RASTER);
    public static final FileType WEBP = new FileType("image/webp", List.of("webp"), Display.RASTER);
    public static final FileType SVG = new FileType("image/svg+xml", List.of("svg"), Display.VECTOR);
    public static final FileType PDF = new FileType("application/pdf", List.of("pdf"), Display.DOWNLOAD);

    public static final List<FileType> BUILT_IN = List.of(PNG, JPEG, GIF, WEBP, SVG, PDF);

    public FileType {
        extensions = List.copyOf(extensions);
    }

    /** The built-in type of this media type; any other (an extra type) is sent as a download. */
    public static FileType ofMediaType(String mediaType) {
        return BUILT_IN.stream().filter(type -> type.mediaType.equals(mediaType)).findFirst()
                .orElse(new FileType(mediaType, List.of(), Display.DOWNLOAD));
    }

    public boolean isImage() {
        return display != Display.DOWNLOAD;
    }

    public boolean hasExtension(String extension) {
        return extensions.contains(extension.toLowerCase(Locale.ROOT));
    }
}
