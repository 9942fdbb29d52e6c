package org.clinwiki.file;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Writing images to bytes in memory with the writer ImageIO registers for a type. */
final class ImageEncoding {

    private ImageEncoding() {
    }

    /** What a writer does with the stream it was given. */
    @FunctionalInterface
    interface Write {
        void to(ImageWriter writer) throws IOException;
    }

    static ImageWriter writerFor(FileType type) {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByMIMEType(type.mediaType());
        if (!writers.hasNext()) {
            throw new IllegalStateException("No ImageIO writer for " + type.mediaType() + " is on the class path");
        }
        return writers.next();
    }

    /** The bytes a writer for the type produces, kept in memory rather than ImageIO's disk cache. */
    static byte[] encode(FileType type, Write write) throws IOException {
        ImageWriter writer = writerFor(type);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            write.to(writer);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
