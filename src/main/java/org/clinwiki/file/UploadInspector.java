package org.clinwiki.file;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.clinwiki.error.WikiException;

/**
 * Turns an upload into what the wiki stores: its type from the bytes, and for raster images new
 * bytes holding the pixels and nothing else, so no location, camera serial or hidden text is
 * published with a picture. Every image is checked against the {@link ImageLimits} from its
 * header before any pixel is decoded. The same upload always gives the same bytes, so identical
 * uploads are stored once.
 *
 * <p>An SVG is returned unchanged (it is sanitised separately); a PDF or an extra type is kept as
 * it is and served as a download.
 */
public final class UploadInspector {

    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);

    private final FileTypes types;
    private final JpegCleaner jpeg;
    private final PngCleaner png;
    private final GifCleaner gif;
    private final WebpCleaner webp;

    /**
     * @throws IllegalStateException when the ImageIO readers or writers the cleaning needs are
     *     missing from the class path (TwelveMonkeys' WebP reader, for one)
     */
    public UploadInspector(FileTypes types, ImageLimits limits) {
        this.types = types;
        this.jpeg = new JpegCleaner(limits);
        this.png = new PngCleaner(limits);
        this.gif = new GifCleaner(limits);
        this.webp = new WebpCleaner(limits);
        for (FileType type : FileType.BUILT_IN) {
            if (type.display() == FileType.Display.RASTER) {
                CheckedImage.readerFor(type).dispose();
                if (type != FileType.WEBP) {
                    ImageEncoding.writerFor(type).dispose();
                }
            }
        }
    }

    /**
     * The file to store for an upload.
     *
     * @param extension the upload's name extension, with or without the dot
     * @throws UnsupportedFileException when the type is not allowed, does not match the
     *     extension, or the file is damaged
     * @throws ImageTooLargeException when an image has too many pixels or frames
     */
    public CleanFile inspect(byte[] original, String extension) {
        FileType type = types.detect(original, extension);
        try {
            if (type.equals(FileType.JPEG)) {
                return jpeg.clean(original);
            } else if (type.equals(FileType.PNG)) {
                return png.clean(original);
            } else if (type.equals(FileType.GIF)) {
                return gif.clean(original);
            } else if (type.equals(FileType.WEBP)) {
                return webp.clean(original);
            } else if (type.equals(FileType.PDF)) {
                requirePdfHeader(original);
            }
            return new CleanFile(type, original, 0, 0);
        } catch (WikiException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // Decoders report damage in any exception they like; none of it is the server's fault.
            throw new UnsupportedFileException("The file's bytes are not a readable " + type.extensions().getFirst().toUpperCase(java.util.Locale.ROOT)
                    + " image; it may be cut short or damaged.");
        }
    }

    private static void requirePdfHeader(byte[] bytes) {
        if (bytes.length < PDF_MAGIC.length || !Arrays.equals(bytes, 0, PDF_MAGIC.length, PDF_MAGIC, 0, PDF_MAGIC.length)) {
            throw new UnsupportedFileException("The PDF does not start with a PDF header.");
        }
    }
}
