package org.clinwiki.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.clinwiki.testing.ImageFixtures.contains;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.clinwiki.testing.ImageFixtures.Entry;
import org.clinwiki.testing.ImageFixtures;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class FileBytesTest {

    private final FileTypes types = new FileTypes(List.of());
    private final UploadInspector inspector = new UploadInspector(types, ImageLimits.DEFAULT);

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Nested
    class TheTypeComesFromTheBytes {

        @Test
        void htmlNamedPngIsRefusedAsHtml() {
            assertThatThrownBy(() -> types.detect(utf8("<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"), "png"))
                    .isInstanceOf(UnsupportedFileException.class)
                    .hasMessageContaining("HTML");
        }

        @Test
        void jpegNamedPngIsRefusedNamingBoth() {
            assertThatThrownBy(() -> types.detect(ImageFixtures.jpeg(4, 4), "png"))
                    .isInstanceOf(UnsupportedFileException.class)
                    .hasMessageContaining("JPEG")
                    .hasMessageContaining(".png");
        }

        @Test
        void theExtensionMayBeInAnyCaseWithOrWithoutItsDot() {
            assertThat(types.detect(ImageFixtures.png(2, 2), "PNG")).isEqualTo(FileType.PNG);
            assertThat(types.detect(ImageFixtures.png(2, 2), ".png")).isEqualTo(FileType.PNG);
            assertThat(types.detect(ImageFixtures.jpeg(2, 2), "JPEG")).isEqualTo(FileType.JPEG);
        }

        @Test
        void emptyAndRandomBytesAreRefused() {
            assertThatThrownBy(() -> types.detect(new byte[0], "png")).isInstanceOf(UnsupportedFileException.class);
            byte[] noise = new byte[512];
            new Random(42).nextBytes(noise);
            assertThatThrownBy(() -> types.detect(noise, "png"))
                    .isInstanceOf(UnsupportedFileException.class)
                    .hasMessageContaining("no type");
        }

        @Test
        void svgCountsWithOrWithoutAnXmlDeclarationButHtmlNamedSvgDoesNot() {
            assertThat(types.detect(utf8("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"4\" height=\"4\"/>"), "svg"))
                    .isEqualTo(FileType.SVG);
            assertThat(types.detect(utf8("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                    + "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect width=\"1\" height=\"1\"/></svg>"), "svg"))
                    .isEqualTo(FileType.SVG);
            assertThat(types.detect(utf8("<!-- " + "long comment ".repeat(200) + "-->\n<svg viewBox=\"0 0 1 1\"></svg>"), "svg"))
                    .isEqualTo(FileType.SVG);
            assertThatThrownBy(() -> types.detect(utf8("<html><body><svg xmlns=\"http://www.w3.org/2000/svg\"/></body></html>"), "svg"))
                    .isInstanceOf(UnsupportedFileException.class)
                    .hasMessageContaining("HTML");
        }

        @Test
        void pdfIsAllowedAsItself() {
            assertThat(types.detect(utf8("%PDF-1.7\n%%EOF\n"), "pdf")).isEqualTo(FileType.PDF);
        }

        @Test
        void csvIsAllowedOnlyWhenTheServerAllowsIt() {
            byte[] csv = utf8("name,dose\naspirin,100 mg\n");
            assertThatThrownBy(() -> types.detect(csv, "csv"))
                    .isInstanceOf(UnsupportedFileException.class)
                    .hasMessageContaining("plain text");

            FileTypes withCsv = new FileTypes(List.of("text/csv"));
            FileType type = withCsv.detect(csv, "csv");
            assertThat(type.mediaType()).isEqualTo("text/csv");
            assertThat(type.display()).isEqualTo(FileType.Display.DOWNLOAD);
            assertThat(type.extensions()).contains("csv");
            assertThatThrownBy(() -> withCsv.detect(utf8("<html><body>hi</body></html>"), "csv"))
                    .isInstanceOf(UnsupportedFileException.class);
            assertThatThrownBy(() -> withCsv.detect(csv, "txt")).isInstanceOf(UnsupportedFileException.class);
        }

        @Test
        void aMediaTypeWithNoKnownExtensionIsAConfigurationError() {
            assertThatThrownBy(() -> new FileTypes(List.of("application/x-no-such-type")))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class JpegsLoseTheirMetadataAndStandUpright {

        private static final String SERIAL = "SERIAL-CAM-778899";
        private static final String OWNER = "MakeOfSecretCamera";
        private static final String DATUM = "GPS-DATUM-SECRET";
        private static final String COMMENT = "comment: the secret clinic";
        // 51 deg 30' 12.34" as three EXIF rationals
        private static final long[] LATITUDE = {51, 1, 30, 1, 1234, 100};

        /** A 40x20 photo (red left half, blue right half) whose EXIF says to turn it right (orientation 6). */
        private byte[] cameraPhoto() {
            byte[] tiff = ImageFixtures.tiff(
                    List.of(Entry.ascii(0x010F, OWNER), Entry.ascii(0x0110, "Model X"), Entry.shortValue(0x0112, 6)),
                    List.of(Entry.ascii(0xA431, SERIAL)),
                    List.of(Entry.ascii(0x0001, "N"), Entry.rationals(0x0002, LATITUDE), Entry.ascii(0x0012, DATUM)));
            byte[] jpeg = ImageFixtures.jpegWith(ImageFixtures.jpeg(40, 20), ImageFixtures.jpegSegment(0xFE, utf8(COMMENT)));
            return ImageFixtures.jpegWith(jpeg, ImageFixtures.exifSegment(tiff));
        }

        @Test
        void theFixtureReallyCarriesTheMetadata() {
            byte[] photo = cameraPhoto();
            assertThat(contains(photo, SERIAL) && contains(photo, DATUM) && contains(photo, COMMENT) && contains(photo, "Exif"))
                    .isTrue();
            assertThat(ExifOrientation.of(photo)).isEqualTo(ExifOrientation.TURNED_RIGHT);
        }

        @Test
        void gpsSerialCommentAndExifAreGone() {
            byte[] clean = inspector.inspect(cameraPhoto(), "jpg").bytes();

            assertThat(contains(clean, "Exif")).isFalse();
            assertThat(contains(clean, SERIAL)).isFalse();
            assertThat(contains(clean, OWNER)).isFalse();
            assertThat(contains(clean, DATUM)).isFalse();
            assertThat(contains(clean, COMMENT)).isFalse();
            assertThat(contains(clean, Entry.rationals(0x0002, LATITUDE).value())).isFalse();
        }

        @Test
        void thePixelsAreTurnedAsTheCameraSaid() {
            CleanFile clean = inspector.inspect(cameraPhoto(), "jpg");

            assertThat(clean.type()).isEqualTo(FileType.JPEG);
            assertThat(clean.width()).isEqualTo(20);
            assertThat(clean.height()).isEqualTo(40);
            BufferedImage upright = ImageFixtures.read(clean.bytes());
            assertThat(upright.getWidth()).isEqualTo(20);
            assertThat(upright.getHeight()).isEqualTo(40);
            // Turned right, the left (red) half is now on top and the right (blue) half below.
            assertThat(red(upright.getRGB(10, 5))).isGreaterThan(200);
            assertThat(blue(upright.getRGB(10, 35))).isGreaterThan(200);
        }

        @Test
        void everyOrientationTurnsOrMirrorsToTheRightPlace() {
            // A 3x2 image with a distinct value per pixel: each orientation must put pixel (0,0) where EXIF says.
            BufferedImage source = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
            for (int i = 0; i < 6; i++) {
                source.setRGB(i % 3, i / 3, i + 1);
            }
            int[][] cornerOfFirstPixel = {{0, 0}, {2, 0}, {2, 1}, {0, 1}, {0, 0}, {1, 0}, {1, 2}, {0, 2}};
            for (ExifOrientation orientation : ExifOrientation.values()) {
                BufferedImage turned = orientation.apply(source);
                int[] at = cornerOfFirstPixel[orientation.ordinal()];
                assertThat(turned.getWidth()).as(orientation.name()).isEqualTo(orientation.swapsSides() ? 2 : 3);
                assertThat(turned.getRGB(at[0], at[1]) & 0xFFFFFF).as(orientation.name()).isEqualTo(1);
            }
        }

        @Test
        void aJpegCutShortIsRefused() {
            byte[] whole = ImageFixtures.jpeg(64, 64);
            byte[] cut = Arrays.copyOf(whole, whole.length / 2);
            assertThatThrownBy(() -> inspector.inspect(cut, "jpg")).isInstanceOf(UnsupportedFileException.class);
        }

        @Test
        void theSamePhotoGivesTheSameBytes() {
            assertThat(inspector.inspect(cameraPhoto(), "jpg").bytes()).isEqualTo(inspector.inspect(cameraPhoto(), "jpg").bytes());
        }

        private static int red(int rgb) {
            return (rgb >> 16) & 0xFF;
        }

        private static int blue(int rgb) {
            return rgb & 0xFF;
        }
    }

    @Nested
    class PngsGifsAndWebpsLoseTheirMetadata {

        @Test
        void aPngTextChunkIsGoneAndThePixelsStay() {
            byte[] png = ImageFixtures.pngWith(ImageFixtures.png(6, 4),
                    ImageFixtures.pngChunk("tEXt", utf8("Comment\0secret patient name")));
            assertThat(contains(png, "secret patient name")).isTrue();

            CleanFile clean = inspector.inspect(png, "png");

            assertThat(contains(clean.bytes(), "secret patient name")).isFalse();
            assertThat(clean.width()).isEqualTo(6);
            assertThat(clean.height()).isEqualTo(4);
            BufferedImage pixels = ImageFixtures.read(clean.bytes());
            assertThat(pixels.getRGB(0, 0)).isEqualTo(0xFFFF0000);
            assertThat(pixels.getColorModel().hasAlpha()).isTrue();
        }

        @Test
        void aGifCommentIsGone() {
            byte[] gif = ImageFixtures.gif(1, "secret gif comment");
            assertThat(contains(gif, "secret gif comment")).isTrue();

            CleanFile clean = inspector.inspect(gif, "gif");

            assertThat(clean.type()).isEqualTo(FileType.GIF);
            assertThat(contains(clean.bytes(), "secret gif comment")).isFalse();
            assertThat(clean.width()).isEqualTo(8);
            assertThat(clean.height()).isEqualTo(6);
        }

        @Test
        void anAnimatedGifKeepsItsFramesAndLoopButNotItsComment() {
            byte[] gif = ImageFixtures.gif(5, "secret gif comment");

            byte[] clean = inspector.inspect(gif, "gif").bytes();

            assertThat(ImageFixtures.gifFrames(clean)).isEqualTo(5);
            assertThat(contains(clean, "NETSCAPE2.0")).isTrue();
            assertThat(contains(clean, "secret gif comment")).isFalse();
        }

        @Test
        void aWebpLosesItsExifXmpAndColourProfileChunksAndTheirFlags() {
            byte[] webp = ImageFixtures.webpWithMetadata("Exif-secret-serial", "<x:xmpmeta>secret place</x:xmpmeta>");

            CleanFile clean = inspector.inspect(webp, "webp");

            byte[] bytes = clean.bytes();
            assertThat(clean.type()).isEqualTo(FileType.WEBP);
            assertThat(contains(bytes, "EXIF")).isFalse();
            assertThat(contains(bytes, "XMP ")).isFalse();
            assertThat(contains(bytes, "ICCP")).isFalse();
            assertThat(contains(bytes, "secret")).isFalse();
            assertThat(bytes[20] & 0x2C).as("VP8X ICC, EXIF and XMP flags").isZero();
            assertThat(littleEndian(bytes, 4)).as("RIFF size").isEqualTo(bytes.length - 8);
            assertThat(clean.width()).isEqualTo(1);
            assertThat(clean.height()).isEqualTo(1);
        }

        @Test
        void aSimpleLossyWebpIsKeptAsItIs() {
            // The 1x1 lossy WebP browsers' feature tests use: RIFF, WEBP, one "VP8 " chunk.
            byte[] webp = java.util.Base64.getDecoder().decode("UklGRiIAAABXRUJQVlA4IBYAAAAwAQCdASoBAAEADsD+JaQAA3AAAAAA");

            CleanFile clean = inspector.inspect(webp, "webp");

            assertThat(clean.bytes()).isEqualTo(webp);
            assertThat(clean.width()).isEqualTo(1);
        }

        @Test
        void anAnimatedWebpKeepsItsFrameButNotAnUnknownChunkInsideIt() {
            // VP8X with the animation flag, ANIM (background, loop count), one ANMF frame: a 16-byte
            // frame header (position, size-1, duration, flags) followed by its VP8L image data, to
            // which an unknown chunk is appended.
            byte[] vp8l = java.util.HexFormat.of().parseHex("2f00000010071011118888fe07");
            byte[] frameHeader = java.util.HexFormat.of().parseHex("000000" + "000000" + "000000" + "000000" + "640000" + "00");
            byte[] frame = ImageFixtures.concat(frameHeader, ImageFixtures.riffChunk("VP8L", vp8l),
                    ImageFixtures.riffChunk("ZZZZ", utf8("secret in a frame")));
            byte[] body = ImageFixtures.concat(utf8("WEBP"),
                    ImageFixtures.riffChunk("VP8X", java.util.HexFormat.of().parseHex("02000000000000000000")),
                    ImageFixtures.riffChunk("ANIM", java.util.HexFormat.of().parseHex("ffffffff0000")),
                    ImageFixtures.riffChunk("ANMF", frame));
            byte[] webp = ImageFixtures.concat(utf8("RIFF"),
                    java.nio.ByteBuffer.allocate(4).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(body.length).array(), body);

            byte[] clean = inspector.inspect(webp, "webp").bytes();

            assertThat(contains(clean, "ANMF")).isTrue();
            assertThat(contains(clean, "secret")).isFalse();
            assertThat(littleEndian(clean, 4)).isEqualTo(clean.length - 8);
        }

        @Test
        void aWebpThatIsOnlyARiffHeaderIsRefused() {
            byte[] empty = ImageFixtures.concat(utf8("RIFF"), new byte[] {4, 0, 0, 0}, utf8("WEBP"));
            assertThatThrownBy(() -> inspector.inspect(empty, "webp")).isInstanceOf(UnsupportedFileException.class);
        }

        private static long littleEndian(byte[] bytes, int at) {
            return (bytes[at] & 0xFFL) | (bytes[at + 1] & 0xFFL) << 8 | (bytes[at + 2] & 0xFFL) << 16 | (bytes[at + 3] & 0xFFL) << 24;
        }
    }

    @Nested
    class DecompressionBombsAreRefusedFromTheHeader {

        @Test
        void aPngClaimingTenBillionPixelsIsRefusedWithoutDecoding() {
            byte[] bomb = ImageFixtures.pngHeaderOnly(100_000, 100_000);

            assertThatThrownBy(() -> inspector.inspect(bomb, "png"))
                    .isInstanceOf(ImageTooLargeException.class)
                    .hasMessageContaining("100000 by 100000");
        }

        @Test
        void aGifWithMoreFramesThanTheLimitIsRefused() {
            UploadInspector twoFrames = new UploadInspector(types, new ImageLimits(50_000_000, 2));

            assertThat(twoFrames.inspect(ImageFixtures.gif(2, null), "gif").type()).isEqualTo(FileType.GIF);
            assertThatThrownBy(() -> twoFrames.inspect(ImageFixtures.gif(3, null), "gif"))
                    .isInstanceOf(ImageTooLargeException.class)
                    .hasMessageContaining("more than 2 frames");
        }

        @Test
        void anImageOverThePixelLimitIsRefused() {
            UploadInspector small = new UploadInspector(types, new ImageLimits(100, 10));
            assertThatThrownBy(() -> small.inspect(ImageFixtures.jpeg(20, 20), "jpg")).isInstanceOf(ImageTooLargeException.class);
        }
    }

    @Nested
    class WhatIsKeptAsItIs {

        @Test
        void aPdfKeepsItsBytes() {
            byte[] pdf = utf8("%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n");
            CleanFile clean = inspector.inspect(pdf, "pdf");
            assertThat(clean.type()).isEqualTo(FileType.PDF);
            assertThat(clean.bytes()).isEqualTo(pdf);
            assertThat(clean.width()).isZero();
        }

        @Test
        void anSvgIsPassedOnUnchangedForTheSanitiser() {
            byte[] svg = utf8("<svg xmlns=\"http://www.w3.org/2000/svg\"><rect width=\"1\" height=\"1\"/></svg>");
            CleanFile clean = inspector.inspect(svg, "svg");
            assertThat(clean.type()).isEqualTo(FileType.SVG);
            assertThat(clean.bytes()).isEqualTo(svg);
            assertThat(clean.width()).isZero();
            assertThat(clean.height()).isZero();
        }

        @Test
        void anExtraTypeKeepsItsBytes() {
            UploadInspector withCsv = new UploadInspector(new FileTypes(List.of("text/csv")), ImageLimits.DEFAULT);
            byte[] csv = utf8("a,b\n1,2\n");
            assertThat(withCsv.inspect(csv, "csv").bytes()).isEqualTo(csv);
        }
    }

    @Test
    void theSameUploadTwiceGivesIdenticalBytes() {
        byte[] png = ImageFixtures.png(30, 20);
        byte[] gif = ImageFixtures.gif(3, "c");
        assertThat(inspector.inspect(png, "png").bytes()).isEqualTo(inspector.inspect(png.clone(), "png").bytes());
        assertThat(inspector.inspect(gif, "gif").bytes()).isEqualTo(inspector.inspect(gif.clone(), "gif").bytes());
    }

    @Test
    void aSmallHeapAllowsFewerPixels() {
        assertThat(ImageLimits.forHeap(24L << 30).maxPixels()).isEqualTo(ImageLimits.DEFAULT.maxPixels());
        assertThat(ImageLimits.forHeap(160L << 20).maxPixels()).isBetween(3_000_000L, 4_000_000L);
        assertThat(ImageLimits.forHeap(1L << 20).maxPixels()).as("never below a megapixel").isEqualTo(1_000_000L);
    }
}
