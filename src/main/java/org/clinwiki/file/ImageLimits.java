package org.clinwiki.file;

/**
 * How much image an upload may decode to. A few kilobytes of PNG or GIF can claim billions of
 * pixels, so these are checked against the header before any pixel is decoded.
 *
 * @param maxPixels the most pixels (width times height) of one image or animation frame, and of a
 *     GIF's or WebP's canvas; a decoded image takes about four bytes a pixel
 * @param maxFrames the most frames of an animation
 */
public record ImageLimits(long maxPixels, int maxFrames) {

    /** 50 megapixels (a large camera's photo, about 200 MB decoded) and 200 animation frames. */
    public static final ImageLimits DEFAULT = new ImageLimits(50_000_000L, 200);

    /**
     * Cleaning a photo holds about three copies of its pixels at four bytes each; with uploads
     * checked one at a time per two cores, a quarter of the heap for each is left to them.
     */
    private static final long HEAP_BYTES_PER_PIXEL = 12 * 4;

    /** {@link #DEFAULT}, or less when the heap could not decode the largest image it allows. */
    public static ImageLimits forHeap(long maxHeapBytes) {
        return new ImageLimits(Math.max(1_000_000L, Math.min(DEFAULT.maxPixels(), maxHeapBytes / HEAP_BYTES_PER_PIXEL)),
                DEFAULT.maxFrames());
    }

    /** How many times the largest still image an animation's frames may add up to. */
    private static final int ANIMATION_FACTOR = 4;

    public ImageLimits {
        if (maxPixels < 1 || maxFrames < 1) {
            throw new IllegalArgumentException("Image limits must be positive: " + maxPixels + " pixels, " + maxFrames + " frames");
        }
    }

    /**
     * The most pixels all of an animation's frames may add up to. Frames are decoded one at a
     * time, so this bounds the time spent, not the memory: cleaning an animation may cost what a
     * few of the largest still images cost.
     */
    public long maxAnimationPixels() {
        return maxPixels > Long.MAX_VALUE / ANIMATION_FACTOR ? Long.MAX_VALUE : maxPixels * ANIMATION_FACTOR;
    }

    /** Refuses a width and height whose pixels exceed {@link #maxPixels()}. */
    void checkPixels(long width, long height, String what) {
        if (width * height > maxPixels) {
            throw new ImageTooLargeException("The " + what + " is " + width + " by " + height + " pixels; at most "
                    + maxPixels + " pixels are allowed.");
        }
    }

    /** Refuses more frames than {@link #maxFrames()}, or frames whose pixels add up past the animation bound. */
    void checkAnimation(int frames, long totalPixels) {
        if (frames > maxFrames) {
            throw new ImageTooLargeException("The animation has more than " + maxFrames + " frames.");
        }
        if (totalPixels > maxAnimationPixels()) {
            throw new ImageTooLargeException("The animation's frames add up to " + totalPixels + " pixels; at most "
                    + maxAnimationPixels() + " are allowed.");
        }
    }
}
