package org.clinwiki.file;

import java.awt.image.BufferedImage;
import java.io.IOException;
import javax.imageio.IIOImage;

/**
 * A PNG decoded and encoded again. The new file has only the chunks the writer makes for the
 * pixels (header, palette, transparency, data), so text chunks, EXIF chunks and anything
 * appended after the image are gone by construction. Transparency and palettes survive; an
 * animated PNG keeps only its still first image.
 */
final class PngCleaner {

    private final ImageLimits limits;

    PngCleaner(ImageLimits limits) {
        this.limits = limits;
    }

    CleanFile clean(byte[] png) throws IOException {
        BufferedImage decoded;
        try (CheckedImage image = CheckedImage.open(png, FileType.PNG, limits)) {
            decoded = image.read(0);
        }
        byte[] bytes = ImageEncoding.encode(FileType.PNG, writer -> writer.write(null, new IIOImage(decoded, null, null), null));
        return new CleanFile(FileType.PNG, bytes, decoded.getWidth(), decoded.getHeight());
    }
}
