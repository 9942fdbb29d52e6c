package org.clinwiki.file;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * A WebP file's RIFF chunks, rewritten with only those that make up the picture. WebP keeps
 * metadata in chunks of its own ({@code EXIF}, {@code XMP }) beside the image data, so dropping
 * them removes it without touching a pixel. A colour profile ({@code ICCP}) goes too: profiles
 * carry free text (a description, a copyright, a device). Unknown chunks, which readers skip and which could
 * carry anything, go too, as do bytes after the RIFF's declared end. The extended header
 * ({@code VP8X}) has flags saying EXIF and XMP are present; they are cleared to match.
 *
 * @param bytes the rewritten file
 * @param canvasWidth the canvas width the extended header declares, or 0 for a simple file
 * @param canvasHeight the canvas height the extended header declares, or 0 for a simple file
 * @param frames how many animation frames there are (1 for a still image)
 * @param framePixels the pixels of all animation frames added up (0 for a still image)
 */
record WebpChunks(byte[] bytes, int canvasWidth, int canvasHeight, int frames, long framePixels) {

    private static final Set<String> PICTURE = Set.of("VP8X", "ANIM", "ANMF", "ALPH", "VP8 ", "VP8L");
    private static final Set<String> FRAME_PICTURE = Set.of("ALPH", "VP8 ", "VP8L");
    private static final int ICC_FLAG = 0x20;
    private static final int EXIF_FLAG = 0x08;
    private static final int XMP_FLAG = 0x04;
    private static final int ANMF_HEADER = 16;

    /**
     * @throws UnsupportedFileException when the RIFF structure is broken or holds no image
     */
    static WebpChunks strip(byte[] webp) {
        if (webp.length < 12 || !fourCc(webp, 0).equals("RIFF") || !fourCc(webp, 8).equals("WEBP")) {
            throw broken();
        }
        long end = 8 + uint32(webp, 4);
        if (end > webp.length) {
            throw broken();
        }
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        int canvasWidth = 0;
        int canvasHeight = 0;
        int frames = 0;
        long framePixels = 0;
        boolean picture = false;
        int at = 12;
        while (at < end) {
            Chunk chunk = Chunk.at(webp, at, (int) end);
            if (PICTURE.contains(chunk.name())) {
                byte[] payload = chunk.payload(webp);
                switch (chunk.name()) {
                    case "VP8X" -> {
                        if (payload.length < 10) {
                            throw broken();
                        }
                        payload[0] &= (byte) ~(ICC_FLAG | EXIF_FLAG | XMP_FLAG);
                        canvasWidth = uint24(payload, 4) + 1;
                        canvasHeight = uint24(payload, 7) + 1;
                    }
                    case "ANMF" -> {
                        if (payload.length < ANMF_HEADER) {
                            throw broken();
                        }
                        frames++;
                        framePixels += (long) (uint24(payload, 6) + 1) * (uint24(payload, 9) + 1);
                        payload = frameWithPictureOnly(payload);
                        picture = true;
                    }
                    case "VP8 ", "VP8L" -> picture = true;
                    default -> { }
                }
                write(kept, chunk.name(), payload);
            }
            at = chunk.next();
        }
        if (!picture) {
            throw broken();
        }
        byte[] body = kept.toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 12);
        out.writeBytes("RIFF".getBytes(StandardCharsets.US_ASCII));
        writeUint32(out, body.length + 4);
        out.writeBytes("WEBP".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(body);
        return new WebpChunks(out.toByteArray(), canvasWidth, canvasHeight, Math.max(frames, 1), framePixels);
    }

    /** An animation frame keeps its header (position, size, timing) and its image chunks only. */
    private static byte[] frameWithPictureOnly(byte[] frame) {
        ByteArrayOutputStream kept = new ByteArrayOutputStream(frame.length);
        kept.write(frame, 0, ANMF_HEADER);
        int at = ANMF_HEADER;
        while (at < frame.length) {
            Chunk chunk = Chunk.at(frame, at, frame.length);
            if (FRAME_PICTURE.contains(chunk.name())) {
                write(kept, chunk.name(), chunk.payload(frame));
            }
            at = chunk.next();
        }
        return kept.toByteArray();
    }

    /** A chunk's header read at an offset: its four-character name and where its payload lies. */
    private record Chunk(String name, int start, int size, int next) {

        static Chunk at(byte[] bytes, int at, int end) {
            if (at + 8 > end) {
                throw broken();
            }
            long size = uint32(bytes, at + 4);
            long payloadEnd = at + 8L + size;
            if (payloadEnd > end) {
                throw broken();
            }
            // Chunks are padded to an even length; a missing pad after the last one is tolerated.
            long next = Math.min(payloadEnd + (size & 1), end);
            return new Chunk(fourCc(bytes, at), at + 8, (int) size, (int) next);
        }

        byte[] payload(byte[] bytes) {
            return java.util.Arrays.copyOfRange(bytes, start, start + size);
        }
    }

    private static void write(ByteArrayOutputStream out, String name, byte[] payload) {
        out.writeBytes(name.getBytes(StandardCharsets.US_ASCII));
        writeUint32(out, payload.length);
        out.writeBytes(payload);
        if ((payload.length & 1) == 1) {
            out.write(0);
        }
    }

    private static String fourCc(byte[] bytes, int at) {
        return new String(bytes, at, 4, StandardCharsets.ISO_8859_1);
    }

    private static long uint32(byte[] bytes, int at) {
        return (bytes[at] & 0xFFL) | (bytes[at + 1] & 0xFFL) << 8 | (bytes[at + 2] & 0xFFL) << 16 | (bytes[at + 3] & 0xFFL) << 24;
    }

    private static int uint24(byte[] bytes, int at) {
        return (bytes[at] & 0xFF) | (bytes[at + 1] & 0xFF) << 8 | (bytes[at + 2] & 0xFF) << 16;
    }

    private static void writeUint32(ByteArrayOutputStream out, long value) {
        for (int shift = 0; shift < 32; shift += 8) {
            out.write((int) (value >> shift) & 0xFF);
        }
    }

    private static UnsupportedFileException broken() {
        return new UnsupportedFileException("The WebP image is cut short or damaged.");
    }
}
