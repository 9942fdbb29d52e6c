package org.clinwiki.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.clinwiki.render.ThumbnailWidths;
import org.clinwiki.testing.ImageFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThumbnailsTest {

    @TempDir
    Path cache;

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void aThumbnailKeepsTheAspectRatioAndIsLaidOutByHash() throws Exception {
        byte[] png = ImageFixtures.png(1200, 800);
        String hash = sha256(png);

        Path thumbnail = new Thumbnails(cache).thumbnail(hash, FileType.PNG, png, 300);

        assertThat(thumbnail).isEqualTo(cache.resolve(hash.substring(0, 2)).resolve(hash.substring(2, 4)).resolve(hash + "-300.png"));
        BufferedImage image = ImageFixtures.read(Files.readAllBytes(thumbnail));
        assertThat(image.getWidth()).isEqualTo(300);
        assertThat(image.getHeight()).isEqualTo(200);
        try (Stream<Path> files = Files.list(thumbnail.getParent())) {
            assertThat(files).as("no temporary file is left behind").containsExactly(thumbnail);
        }
    }

    @Test
    void aThumbnailIsMadeOnceAndThenServedFromTheCache() throws Exception {
        byte[] png = ImageFixtures.png(1200, 800);
        String hash = sha256(png);
        Thumbnails thumbnails = new Thumbnails(cache);
        Path first = thumbnails.thumbnail(hash, FileType.PNG, png, 300);
        FileTime marked = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(first, marked);

        Path second = thumbnails.thumbnail(hash, FileType.PNG, png, 300);

        assertThat(second).isEqualTo(first);
        assertThat(Files.getLastModifiedTime(second)).as("not written again").isEqualTo(marked);
    }

    @Test
    void callersMakingTheSameThumbnailAtOnceAllGetAWholeFile() throws Exception {
        byte[] png = ImageFixtures.png(1200, 800);
        String hash = sha256(png);
        Thumbnails thumbnails = new Thumbnails(cache);
        List<Callable<Path>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            calls.add(() -> thumbnails.thumbnail(hash, FileType.PNG, png, 400));
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (Future<Path> made : pool.invokeAll(calls)) {
                BufferedImage image = ImageFixtures.read(Files.readAllBytes(made.get()));
                assertThat(image.getWidth()).isEqualTo(400);
            }
        }
    }

    @Test
    void aJpegThumbnailIsAJpegAndAGifThumbnailIsAPng() throws Exception {
        byte[] jpeg = ImageFixtures.jpeg(800, 400);
        Thumbnails thumbnails = new Thumbnails(cache);

        Path fromJpeg = thumbnails.thumbnail(sha256(jpeg), FileType.JPEG, jpeg, 250);
        assertThat(fromJpeg.getFileName().toString()).endsWith("-250.jpg");
        byte[] jpegBytes = Files.readAllBytes(fromJpeg);
        assertThat(jpegBytes[0] & 0xFF).isEqualTo(0xFF);
        assertThat(jpegBytes[1] & 0xFF).isEqualTo(0xD8);
        assertThat(ImageFixtures.read(jpegBytes).getHeight()).isEqualTo(125);

        byte[] gif = ImageFixtures.gifStill(600, 300);
        Path fromGif = thumbnails.thumbnail(sha256(gif), FileType.GIF, gif, 120);
        assertThat(fromGif.getFileName().toString()).endsWith("-120.png");
        assertThat(Files.readAllBytes(fromGif)).startsWith(HexFormat.of().parseHex("89504e47"));
        assertThat(ImageFixtures.read(Files.readAllBytes(fromGif)).getHeight()).isEqualTo(60);
    }

    @Test
    void snapRoundsUpTheLadderAndNeverPastTheOriginal() {
        assertThat(ThumbnailWidths.snap(1, 5000)).isEqualTo(120);
        assertThat(ThumbnailWidths.snap(120, 5000)).isEqualTo(120);
        assertThat(ThumbnailWidths.snap(121, 5000)).isEqualTo(180);
        assertThat(ThumbnailWidths.snap(301, 5000)).isEqualTo(400);
        assertThat(ThumbnailWidths.snap(2561, 5000)).isEqualTo(2560);
        assertThat(ThumbnailWidths.snap(999_999, 5000)).isEqualTo(2560);
        assertThat(ThumbnailWidths.snap(700, 640)).as("capped: serve the original").isEqualTo(640);
        assertThat(ThumbnailWidths.snap(300, 640)).isEqualTo(300);
    }

    @Test
    void onlyLadderWidthsOfRasterImagesNamedByAHashAreMade() throws Exception {
        byte[] png = ImageFixtures.png(1200, 800);
        String hash = sha256(png);
        Thumbnails thumbnails = new Thumbnails(cache);

        assertThatThrownBy(() -> thumbnails.thumbnail(hash, FileType.PNG, png, 301)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> thumbnails.thumbnail("../../etc/passwd", FileType.PNG, png, 300))
                .isInstanceOf(IllegalArgumentException.class);
        byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> thumbnails.thumbnail(sha256(svg), FileType.SVG, svg, 300)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> thumbnails.thumbnail(hash, FileType.PNG, png, 1280))
                .as("not narrower than the original").isInstanceOf(IllegalArgumentException.class);
    }
}
