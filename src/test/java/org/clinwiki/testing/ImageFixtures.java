package org.clinwiki.testing;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.CRC32;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/** Small images and documents made in code, and the hand-built metadata the cleaning tests look for. */
public final class ImageFixtures {

    /** Where the photo of {@link #jpegTaggedWithLocation} was taken, and its camera's serial: neither may ever be served. */
    public static final String LOCATION_SECRET = "GPS-DATUM-OF-THE-CLINIC";
    public static final String SERIAL_SECRET = "SERIAL-CAM-424242";

    private ImageFixtures() {
    }

    /** A camera photo whose EXIF says where it was taken (a GPS position and datum) and which camera took it. */
    public static byte[] jpegTaggedWithLocation(int width, int height) {
        byte[] tiff = tiff(List.of(Entry.ascii(0x010F, "Camera maker"), Entry.shortValue(0x0112, 1)),
                List.of(Entry.ascii(0xA431, SERIAL_SECRET)),
                List.of(Entry.ascii(0x0001, "N"), Entry.rationals(0x0002, 51, 1, 30, 1, 1234, 100), Entry.ascii(0x0012, LOCATION_SECRET)));
        return jpegWith(jpeg(width, height), exifSegment(tiff));
    }

    /** A minimal one-page PDF. */
    public static byte[] pdf() {
        return ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
                + "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** An image whose left half is red and right half blue, so a turn shows where the halves went. */
    public static BufferedImage halves(int width, int height, int type) {
        BufferedImage image = new BufferedImage(width, height, type);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, width / 2, height);
        g.setColor(Color.BLUE);
        g.fillRect(width / 2, 0, width - width / 2, height);
        g.dispose();
        return image;
    }

    public static byte[] png(int width, int height) {
        return write(halves(width, height, BufferedImage.TYPE_INT_ARGB), "png");
    }

    public static byte[] jpeg(int width, int height) {
        return write(halves(width, height, BufferedImage.TYPE_INT_RGB), "jpeg");
    }

    public static byte[] gifStill(int width, int height) {
        return write(halves(width, height, BufferedImage.TYPE_BYTE_INDEXED), "gif");
    }

    public static BufferedImage read(byte[] bytes) {
        try {
            return ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] write(BufferedImage image, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, format, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // --- PNG chunks

    /** A PNG chunk: length, type, data and the CRC over type and data. */
    public static byte[] pngChunk(String type, byte[] data) {
        CRC32 crc = new CRC32();
        crc.update(type.getBytes(StandardCharsets.US_ASCII));
        crc.update(data);
        return ByteBuffer.allocate(12 + data.length)
                .putInt(data.length).put(type.getBytes(StandardCharsets.US_ASCII)).put(data).putInt((int) crc.getValue())
                .array();
    }

    /** A PNG with a chunk inserted right after its header chunk (signature 8 bytes + IHDR 25 bytes). */
    public static byte[] pngWith(byte[] png, byte[] chunk) {
        return insert(png, 8 + 25, chunk);
    }

    /** Only a signature, a header claiming the size, and the end: no pixel data at all. */
    public static byte[] pngHeaderOnly(int width, int height) {
        byte[] header = ByteBuffer.allocate(13).putInt(width).putInt(height).put(new byte[] {8, 6, 0, 0, 0}).array();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(HexFormat.of().parseHex("89504e470d0a1a0a"));
        out.writeBytes(pngChunk("IHDR", header));
        out.writeBytes(pngChunk("IEND", new byte[0]));
        return out.toByteArray();
    }

    // --- JPEG segments

    /** A JPEG with a segment inserted right after its start-of-image marker. */
    public static byte[] jpegWith(byte[] jpeg, byte[] segment) {
        return insert(jpeg, 2, segment);
    }

    /** A JPEG marker segment: 0xFF, the marker, a two-byte length counting itself, the payload. */
    public static byte[] jpegSegment(int marker, byte[] payload) {
        return ByteBuffer.allocate(4 + payload.length)
                .put((byte) 0xFF).put((byte) marker).putShort((short) (payload.length + 2)).put(payload).array();
    }

    /** An APP1 segment holding the TIFF structure of an EXIF block. */
    public static byte[] exifSegment(byte[] tiff) {
        byte[] header = "Exif\0\0".getBytes(StandardCharsets.US_ASCII);
        return jpegSegment(0xE1, concat(header, tiff));
    }

    // --- EXIF (TIFF) structure

    /** One TIFF directory entry: a tag, a field type (2 ASCII, 3 SHORT, 4 LONG, 5 RATIONAL), a count and the value's bytes. */
    public record Entry(int tag, int type, int count, byte[] value) {

        public static Entry ascii(int tag, String text) {
            byte[] value = (text + "\0").getBytes(StandardCharsets.US_ASCII);
            return new Entry(tag, 2, value.length, value);
        }

        public static Entry shortValue(int tag, int value) {
            return new Entry(tag, 3, 1, le(2).putShort((short) value).array());
        }

        public static Entry longValue(int tag, long value) {
            return new Entry(tag, 4, 1, le(4).putInt((int) value).array());
        }

        public static Entry rationals(int tag, long... numeratorsAndDenominators) {
            ByteBuffer buffer = le(4 * numeratorsAndDenominators.length);
            for (long n : numeratorsAndDenominators) {
                buffer.putInt((int) n);
            }
            return new Entry(tag, 5, numeratorsAndDenominators.length / 2, buffer.array());
        }
    }

    /**
     * A little-endian TIFF structure as EXIF uses it: IFD0 with the given entries plus pointers to an
     * EXIF sub-directory and a GPS directory, laid out one after another with values longer than
     * four bytes stored just after their directory.
     */
    public static byte[] tiff(List<Entry> ifd0, List<Entry> exif, List<Entry> gps) {
        int exifAt = 8 + directorySize(ifd0.size() + 2, ifd0);
        int gpsAt = exifAt + directorySize(exif.size(), exif);
        List<Entry> first = new ArrayList<>(ifd0);
        first.add(Entry.longValue(0x8769, exifAt));
        first.add(Entry.longValue(0x8825, gpsAt));
        ByteBuffer out = le(gpsAt + directorySize(gps.size(), gps));
        out.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
        directory(out, first, 8);
        directory(out, exif, exifAt);
        directory(out, gps, gpsAt);
        return out.array();
    }

    private static int directorySize(int entries, List<Entry> withValues) {
        int values = withValues.stream().mapToInt(e -> e.value().length > 4 ? even(e.value().length) : 0).sum();
        return 2 + 12 * entries + 4 + values;
    }

    private static void directory(ByteBuffer out, List<Entry> entries, int at) {
        List<Entry> sorted = entries.stream().sorted(Comparator.comparingInt(Entry::tag)).toList();
        int valueAt = at + 2 + 12 * sorted.size() + 4;
        List<byte[]> values = new ArrayList<>();
        out.putShort((short) sorted.size());
        for (Entry entry : sorted) {
            out.putShort((short) entry.tag()).putShort((short) entry.type()).putInt(entry.count());
            if (entry.value().length > 4) {
                out.putInt(valueAt);
                valueAt += even(entry.value().length);
                values.add(entry.value());
            } else {
                out.put(entry.value()).put(new byte[4 - entry.value().length]);
            }
        }
        out.putInt(0);
        for (byte[] value : values) {
            out.put(value).put(new byte[even(value.length) - value.length]);
        }
    }

    // --- GIF

    /**
     * A GIF of the given number of frames (a 2-colour palette each), looping forever with a
     * 10/100 s delay, and carrying a comment extension when a comment is given.
     */
    public static byte[] gif(int frames, String comment) {
        try {
            ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
                writer.setOutput(out);
                writer.prepareWriteSequence(null);
                for (int i = 0; i < frames; i++) {
                    BufferedImage frame = new BufferedImage(8, 6, BufferedImage.TYPE_BYTE_BINARY);
                    frame.setRGB(i % 8, 0, 0xFFFFFF);
                    IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(frame), null);
                    String format = metadata.getNativeMetadataFormatName();
                    IIOMetadataNode root = new IIOMetadataNode(format);
                    IIOMetadataNode control = new IIOMetadataNode("GraphicControlExtension");
                    control.setAttribute("disposalMethod", "none");
                    control.setAttribute("userInputFlag", "FALSE");
                    control.setAttribute("transparentColorFlag", "FALSE");
                    control.setAttribute("transparentColorIndex", "0");
                    control.setAttribute("delayTime", "10");
                    root.appendChild(control);
                    if (i == 0) {
                        IIOMetadataNode applications = new IIOMetadataNode("ApplicationExtensions");
                        IIOMetadataNode netscape = new IIOMetadataNode("ApplicationExtension");
                        netscape.setAttribute("applicationID", "NETSCAPE");
                        netscape.setAttribute("authenticationCode", "2.0");
                        netscape.setUserObject(new byte[] {1, 0, 0});
                        applications.appendChild(netscape);
                        root.appendChild(applications);
                        if (comment != null) {
                            IIOMetadataNode comments = new IIOMetadataNode("CommentExtensions");
                            IIOMetadataNode text = new IIOMetadataNode("CommentExtension");
                            text.setAttribute("value", comment);
                            comments.appendChild(text);
                            root.appendChild(comments);
                        }
                    }
                    metadata.mergeTree(format, root);
                    writer.writeToSequence(new IIOImage(frame, null, metadata), null);
                }
                writer.endWriteSequence();
            }
            writer.dispose();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static int gifFrames(byte[] gif) {
        try (var input = ImageIO.createImageInputStream(new ByteArrayInputStream(gif))) {
            var reader = ImageIO.getImageReaders(input).next();
            reader.setInput(input);
            return reader.getNumImages(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // --- WebP

    /**
     * A 1x1 lossless WebP (a transparent pixel) wrapped in the extended format: RIFF header,
     * VP8X (flags: ICC 0x20, EXIF 0x08 and XMP 0x04 set; canvas 1x1 stored as width-1, height-1),
     * an ICC profile whose text names a place, the VP8L image data, then an EXIF chunk and an
     * XMP chunk with the given text.
     */
    public static byte[] webpWithMetadata(String exifText, String xmpText) {
        byte[] vp8x = HexFormat.of().parseHex("2c000000" + "000000" + "000000");
        // The 13-byte VP8L bitstream of a 1x1 image: signature 0x2f, 14-bit width-1 and height-1,
        // alpha and version bits, then the entropy-coded pixel.
        byte[] vp8l = HexFormat.of().parseHex("2f00000010071011118888fe07");
        byte[] body = concat("WEBP".getBytes(StandardCharsets.US_ASCII),
                riffChunk("VP8X", vp8x), riffChunk("ICCP", "icc profile desc: secret ward camera".getBytes(StandardCharsets.US_ASCII)),
                riffChunk("VP8L", vp8l),
                riffChunk("EXIF", exifText.getBytes(StandardCharsets.US_ASCII)),
                riffChunk("XMP ", xmpText.getBytes(StandardCharsets.US_ASCII)));
        return concat("RIFF".getBytes(StandardCharsets.US_ASCII), le(4).putInt(body.length).array(), body);
    }

    /** A RIFF chunk: four-character name, little-endian size, payload, a pad byte when the size is odd. */
    public static byte[] riffChunk(String name, byte[] payload) {
        return concat(name.getBytes(StandardCharsets.US_ASCII), le(4).putInt(payload.length).array(), payload,
                new byte[payload.length % 2]);
    }

    // --- bytes

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    public static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    public static boolean contains(byte[] haystack, String text) {
        return contains(haystack, text.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] insert(byte[] bytes, int at, byte[] inserted) {
        return concat(java.util.Arrays.copyOfRange(bytes, 0, at), inserted, java.util.Arrays.copyOfRange(bytes, at, bytes.length));
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static int even(int n) {
        return n + (n & 1);
    }
}
