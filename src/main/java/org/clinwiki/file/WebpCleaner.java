package org.clinwiki.file;

import java.io.IOException;

/**
 * A WebP image with its metadata chunks removed. ImageIO (TwelveMonkeys) can read WebP but not
 * write it, so unlike the other formats a WebP is not encoded again: its RIFF chunks are
 * rewritten without EXIF, XMP and unknown chunks (see {@link WebpChunks}). It is still decoded,
 * after the size checks, to refuse bytes that only look like a WebP; for an animation only the
 * first frame is decoded, the others are checked by size.
 */
final class WebpCleaner {

    private final ImageLimits limits;

    WebpCleaner(ImageLimits limits) {
        this.limits = limits;
    }

    CleanFile clean(byte[] webp) throws IOException {
        WebpChunks chunks = WebpChunks.strip(webp);
        if (chunks.canvasWidth() > 0) {
            limits.checkPixels(chunks.canvasWidth(), chunks.canvasHeight(), "WebP canvas");
        }
        limits.checkAnimation(chunks.frames(), chunks.framePixels());
        try (CheckedImage image = CheckedImage.open(chunks.bytes(), FileType.WEBP, limits)) {
            image.read(0);
            int width = chunks.canvasWidth() > 0 ? chunks.canvasWidth() : image.width();
            int height = chunks.canvasHeight() > 0 ? chunks.canvasHeight() : image.height();
            return new CleanFile(FileType.WEBP, chunks.bytes(), width, height);
        }
    }
}
