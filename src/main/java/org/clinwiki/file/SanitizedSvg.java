package org.clinwiki.file;

import java.util.Arrays;

/**
 * An SVG after {@link SvgSanitizer}: UTF-8 XML that can neither run script nor load anything, and
 * its intrinsic size in CSS pixels, or 0x0 when the file does not say (the caller picks a box).
 */
public record SanitizedSvg(byte[] bytes, int width, int height) {

    public SanitizedSvg {
        bytes = bytes.clone();
    }

    /** A copy, so the stored bytes cannot change after they were checked. */
    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    public boolean hasSize() {
        return width > 0 && height > 0;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SanitizedSvg svg && width == svg.width && height == svg.height
                && Arrays.equals(bytes, svg.bytes);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(bytes) + width) + height;
    }

    @Override
    public String toString() {
        return "SanitizedSvg[" + bytes.length + " bytes, " + width + "x" + height + "]";
    }
}
