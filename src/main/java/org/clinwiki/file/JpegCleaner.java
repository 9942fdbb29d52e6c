package org.clinwiki.file;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageWriteParam;

/**
 * A JPEG decoded, turned upright and encoded again, so nothing but pixels survives: EXIF (with
 * GPS position and camera serial numbers), XMP, IPTC, comments and the embedded thumbnail, which
 * may still show what was cropped away. The colour profile goes too, with the pixels converted
 * to sRGB first, and CMYK or YCCK photos come out as RGB.
 */
final class JpegCleaner {

    /** High enough that a second generation of compression is hard to see. */
    private static final float QUALITY = 0.92f;

    private final ImageLimits limits;

    JpegCleaner(ImageLimits limits) {
        this.limits = limits;
    }

    CleanFile clean(byte[] jpeg) throws IOException {
        requireComplete(jpeg);
        ExifOrientation orientation = ExifOrientation.of(jpeg);
        BufferedImage decoded;
        try (CheckedImage image = CheckedImage.open(jpeg, FileType.JPEG, limits)) {
            decoded = image.read(0);
        }
        BufferedImage upright = orientation.apply(toRgb(decoded));
        return new CleanFile(FileType.JPEG, encode(upright), upright.getWidth(), upright.getHeight());
    }

    /**
     * Refuses a JPEG cut short. Decoders fill the missing rows with grey and only warn, which
     * would store a broken photo as if it were whole; a complete one ends its compressed data with
     * the end-of-image marker (which the data itself cannot contain, as any 0xFF in it is escaped).
     */
    private static void requireComplete(byte[] jpeg) {
        int at = 2;
        while (at + 4 <= jpeg.length && (jpeg[at] & 0xFF) == 0xFF) {
            int marker = jpeg[at + 1] & 0xFF;
            if (marker == 0xFF) {
                at++;
                continue;
            }
            if (marker == 0xDA) {
                for (int i = at + 2; i + 1 < jpeg.length; i++) {
                    if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == 0xD9) {
                        return;
                    }
                }
                break;
            }
            at += 2 + (((jpeg[at + 2] & 0xFF) << 8) | (jpeg[at + 3] & 0xFF));
        }
        throw new UnsupportedFileException("The JPEG image is cut short or damaged.");
    }

    /** A fresh sRGB copy: the decoder may give CMYK, grey or a camera's own colour space. */
    private static BufferedImage toRgb(BufferedImage decoded) {
        BufferedImage rgb = new BufferedImage(decoded.getWidth(), decoded.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        try {
            g.drawImage(decoded, 0, 0, null);
        } finally {
            g.dispose();
        }
        return rgb;
    }

    private static byte[] encode(BufferedImage rgb) throws IOException {
        return ImageEncoding.encode(FileType.JPEG, writer -> {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(QUALITY);
            // No metadata given: the writer adds only its plain JFIF header.
            writer.write(null, new IIOImage(rgb, null, null), param);
        });
    }
}
