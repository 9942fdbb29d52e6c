package org.clinwiki.render;

import java.util.Arrays;

/**
 * The widths thumbnails are made in. Any requested width is rounded up to the next step (and
 * never past the original), so pages and callers asking for arbitrary widths share a few cached
 * thumbnails and cannot fill the disk with one per pixel.
 */
public final class ThumbnailWidths {

    private static final int[] STEPS = {120, 180, 220, 250, 300, 400, 500, 600, 800, 1000, 1280, 1600, 2000, 2560};

    private ThumbnailWidths() {
    }

    /** Whether thumbnails are made in this width. */
    public static boolean isStep(int width) {
        return Arrays.binarySearch(STEPS, width) >= 0;
    }

    /** The thumbnail width that serves a request for {@code requested} pixels of an image {@code originalWidth} wide. */
    public static int snap(int requested, int originalWidth) {
        for (int step : STEPS) {
            if (step >= requested) {
                return Math.min(step, originalWidth);
            }
        }
        return Math.min(STEPS[STEPS.length - 1], originalWidth);
    }
}
