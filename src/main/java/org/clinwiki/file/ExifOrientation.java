package org.clinwiki.file;

import com.drew.imaging.jpeg.JpegMetadataReader;
import com.drew.imaging.jpeg.JpegProcessingException;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifReader;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;

/**
 * How a camera says its JPEG should be turned to be seen upright (EXIF tag 0x0112, values 1 to 8).
 * Cleaning drops the EXIF block, so the turn has to be made in the pixels or the photo would show
 * sideways.
 */
enum ExifOrientation {
    UPRIGHT, MIRRORED, UPSIDE_DOWN, FLIPPED, TRANSPOSED, TURNED_RIGHT, TRANSVERSE, TURNED_LEFT;

    /** The orientation the JPEG's EXIF block declares; upright when there is none or it cannot be read. */
    static ExifOrientation of(byte[] jpeg) {
        try {
            Metadata metadata = JpegMetadataReader.readMetadata(new ByteArrayInputStream(jpeg), List.of(new ExifReader()));
            ExifIFD0Directory ifd0 = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
            if (ifd0 == null || !ifd0.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
                return UPRIGHT;
            }
            int value = ifd0.getInt(ExifIFD0Directory.TAG_ORIENTATION);
            return value >= 1 && value <= values().length ? values()[value - 1] : UPRIGHT;
        } catch (JpegProcessingException | IOException | com.drew.metadata.MetadataException | RuntimeException e) {
            // A broken EXIF block is no reason to refuse a photo whose pixels decode.
            return UPRIGHT;
        }
    }

    /** Whether the turn swaps width and height. */
    boolean swapsSides() {
        return ordinal() >= TRANSPOSED.ordinal();
    }

    /**
     * The image as it should be seen, as a new RGB image (the same one when upright).
     *
     * @param rgb an image of type {@link BufferedImage#TYPE_INT_RGB}
     */
    BufferedImage apply(BufferedImage rgb) {
        if (this == UPRIGHT) {
            return rgb;
        }
        int w = rgb.getWidth();
        int h = rgb.getHeight();
        BufferedImage turned = swapsSides()
                ? new BufferedImage(h, w, BufferedImage.TYPE_INT_RGB)
                : new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] from = ((DataBufferInt) rgb.getRaster().getDataBuffer()).getData();
        int[] to = ((DataBufferInt) turned.getRaster().getDataBuffer()).getData();
        int toWidth = turned.getWidth();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int tx;
                int ty;
                switch (this) {
                    case MIRRORED -> { tx = w - 1 - x; ty = y; }
                    case UPSIDE_DOWN -> { tx = w - 1 - x; ty = h - 1 - y; }
                    case FLIPPED -> { tx = x; ty = h - 1 - y; }
                    case TRANSPOSED -> { tx = y; ty = x; }
                    case TURNED_RIGHT -> { tx = h - 1 - y; ty = x; }
                    case TRANSVERSE -> { tx = h - 1 - y; ty = w - 1 - x; }
                    case TURNED_LEFT -> { tx = y; ty = w - 1 - x; }
                    default -> throw new IllegalStateException();
                }
                to[ty * toWidth + tx] = from[y * w + x];
            }
        }
        return turned;
    }
}
