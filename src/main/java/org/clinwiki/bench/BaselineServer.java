package org.clinwiki.bench;

import io.javalin.Javalin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The load benchmark's baseline: a bare Javalin endpoint serving pre-rendered page HTML from
 * memory ({@code GET /page/{n}}), nothing else. Clinwiki's page views are compared with it.
 * Run as its own process: {@code BaselineServer DIR} prints the port it serves on.
 */
public final class BaselineServer {

    private BaselineServer() {
    }

    public static void main(String[] args) throws IOException {
        List<byte[]> pages;
        try (Stream<Path> files = Files.list(Path.of(args[0]))) {
            pages = files.sorted().map(BaselineServer::read).toList();
        }
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.routes.get("/page/{n}", ctx -> {
                int n = Integer.parseInt(ctx.pathParam("n"));
                ctx.contentType("text/html; charset=utf-8").result(pages.get(Math.floorMod(n, pages.size())));
            });
        }).start("127.0.0.1", 0);
        System.out.println("baseline serving on port " + app.port());
        System.out.flush();
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
