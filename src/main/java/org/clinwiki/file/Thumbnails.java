package org.clinwiki.file;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.clinwiki.render.ThumbnailWidths;
import java.nio.file.StandardCopyOption;
import java.util.regex.Pattern;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Smaller copies of raster images, kept on disk as a cache that can be deleted at any time and
 * is rebuilt on demand. A thumbnail is named by the image's SHA-256 and its width, so it never
 * goes stale: changed bytes have another hash. Widths come from a fixed ladder, so however many
 * different {@code ?width=} values are asked for, an image has at most a dozen thumbnails.
 *
 * <p>Each thumbnail is written to a temporary file beside its place and moved there in one
 * step: a reader never sees half a file, and two requests making the same thumbnail at once
 * both succeed, the later move replacing the earlier identical file.
 */
public final class Thumbnails {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final float JPEG_QUALITY = 0.85f;

    private final Path cacheDirectory;

    public Thumbnails(Path cacheDirectory) {
        this.cacheDirectory = cacheDirectory;
    }

    /** The thumbnail if it was made already: serving it needs neither the image nor a permit to decode one. */
    public Optional<Path> cached(String sha256, FileType type, int width) {
        if (!SHA256.matcher(sha256).matches() || !ThumbnailWidths.isStep(width)) {
            return Optional.empty();
        }
        Path path = path(sha256, type, width);
        return Files.exists(path) ? Optional.of(path) : Optional.empty();
    }

    private Path path(String sha256, FileType type, int width) {
        Path directory = cacheDirectory.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4));
        return directory.resolve(sha256 + "-" + width + (type.equals(FileType.JPEG) ? ".jpg" : ".png"));
    }

    /**
     * The path of the thumbnail of an image at a width, made when missing: PNG for PNG, GIF (its
     * first frame) and WebP sources, JPEG for JPEG. The height keeps the aspect ratio.
     *
     * @param sha256 the image's SHA-256 in lower-case hex, naming the cached file
     * @param cleanBytes the image as stored (already checked against the image limits)
     * @param width a width on the ladder ({@link ThumbnailWidths#snap}) narrower than the image
     * @throws IllegalArgumentException for a type that is not a raster image, a malformed hash, a
     *     width off the ladder, or one not narrower than the image
     * @throws UncheckedIOException when the cache cannot be written or the image cannot be read
     */
    public Path thumbnail(String sha256, FileType type, byte[] cleanBytes, int width) {
        if (type.display() != FileType.Display.RASTER) {
            throw new IllegalArgumentException("Only raster images have thumbnails, not " + type.mediaType());
        }
        if (!SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("Not a lower-case SHA-256: " + sha256);
        }
        if (!ThumbnailWidths.isStep(width)) {
            throw new IllegalArgumentException("Thumbnail width " + width + " is not one of the thumbnail widths");
        }
        boolean jpeg = type.equals(FileType.JPEG);
        Path target = path(sha256, type, width);
        Path directory = target.getParent();
        if (Files.exists(target)) {
            return target;
        }
        try {
            BufferedImage image = firstFrame(type, cleanBytes);
            if (width >= image.getWidth()) {
                throw new IllegalArgumentException("A " + width + " pixel thumbnail is not narrower than the "
                        + image.getWidth() + " pixel image: serve the image itself");
            }
            Files.createDirectories(directory);
            Path temporary = Files.createTempFile(directory, "." + sha256 + "-" + width + "-", ".part");
            try {
                try (OutputStream out = Files.newOutputStream(temporary)) {
                    var builder = net.coobird.thumbnailator.Thumbnails.of(image).width(width);
                    if (jpeg) {
                        builder.outputFormat("jpg").outputQuality(JPEG_QUALITY);
                    } else {
                        builder.outputFormat("png");
                    }
                    builder.toOutputStream(out);
                }
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temporary);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not make the " + width + " pixel thumbnail of " + sha256, e);
        }
    }

    private static BufferedImage firstFrame(FileType type, byte[] bytes) throws IOException {
        ImageReader reader = CheckedImage.readerFor(type);
        try (ImageInputStream input = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(input, true, true);
            return reader.read(0);
        } finally {
            reader.dispose();
        }
    }
}
