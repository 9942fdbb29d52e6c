package org.clinwiki.file;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * An image whose header has passed the {@link ImageLimits}, ready to decode. Only headers are
 * read to get here: each frame's size, and for a GIF the frames counted one at a time, stopping
 * as soon as there are too many, so neither a huge claimed size nor a million tiny frames costs
 * more than reading the bytes once.
 *
 * <p>The input is held in memory (never ImageIO's disk cache, which would write uploads to the
 * temporary directory).
 */
final class CheckedImage implements AutoCloseable {

    private final ImageInputStream input;
    private final ImageReader reader;
    private final int width;
    private final int height;
    private final int frames;

    private CheckedImage(ImageInputStream input, ImageReader reader, int width, int height, int frames) {
        this.input = input;
        this.reader = reader;
        this.width = width;
        this.height = height;
        this.frames = frames;
    }

    /**
     * Reads the header of an image of the given type and checks it against the limits.
     *
     * @throws ImageTooLargeException when the image or its animation is over the limits
     * @throws IOException or a RuntimeException from the decoder when the header cannot be read
     */
    static CheckedImage open(byte[] bytes, FileType type, ImageLimits limits) throws IOException {
        ImageInputStream input = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes));
        ImageReader reader = readerFor(type);
        boolean animated = type.equals(FileType.GIF);
        // GIF frame positions and delays live in the metadata; other formats' metadata is dropped anyway.
        reader.setInput(input, false, !animated);
        try {
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            limits.checkPixels(width, height, "image");
            int frames = 1;
            long totalPixels = (long) width * height;
            while (animated && hasFrame(reader, frames)) {
                long framePixels = (long) reader.getWidth(frames) * reader.getHeight(frames);
                limits.checkPixels(reader.getWidth(frames), reader.getHeight(frames), "frame " + (frames + 1));
                frames++;
                totalPixels += framePixels;
                limits.checkAnimation(frames, totalPixels);
            }
            return new CheckedImage(input, reader, width, height, frames);
        } catch (IOException | RuntimeException e) {
            reader.dispose();
            input.close();
            throw e;
        }
    }

    /** The reader the JDK or TwelveMonkeys registers for the type: the bytes already showed which it is. */
    static ImageReader readerFor(FileType type) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(type.mediaType());
        if (!readers.hasNext()) {
            throw new IllegalStateException("No ImageIO reader for " + type.mediaType() + " is on the class path");
        }
        return readers.next();
    }

    private static boolean hasFrame(ImageReader reader, int index) throws IOException {
        try {
            reader.getWidth(index);
            return true;
        } catch (IndexOutOfBoundsException e) {
            return false;
        }
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    int frames() {
        return frames;
    }

    BufferedImage read(int frame) throws IOException {
        return reader.read(frame);
    }

    IIOMetadata frameMetadata(int frame) throws IOException {
        return reader.getImageMetadata(frame);
    }

    IIOMetadata streamMetadata() throws IOException {
        return reader.getStreamMetadata();
    }

    @Override
    public void close() throws IOException {
        reader.dispose();
        input.close();
    }
}
