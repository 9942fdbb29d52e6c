package org.clinwiki.bench;

import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The load benchmark's baseline: a bare Javalin server answering with bytes Clinwiki answered
 * before, from memory, and doing nothing else. {@code GET /page/{n}}, {@code /search/{n}} and
 * {@code /suggest/{n}} give the n-th recorded page, search result and autocomplete list;
 * {@code PUT /save} reads the body it is sent and answers a recorded save response. Run as its
 * own process: {@code BaselineServer DIR} prints the port it serves on.
 */
public final class BaselineServer {

    static final String PAGES = "page";
    static final String SEARCHES = "search";
    static final String SUGGESTIONS = "suggest";
    static final String SAVE = "save.json";

    private BaselineServer() {
    }

    public static void main(String[] args) {
        Path recorded = Path.of(args[0]);
        List<byte[]> pages = readAll(recorded.resolve(PAGES));
        List<byte[]> searches = readAll(recorded.resolve(SEARCHES));
        List<byte[]> suggestions = readAll(recorded.resolve(SUGGESTIONS));
        byte[] saved = read(recorded.resolve(SAVE));
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.routes.get("/page/{n}", ctx -> ctx.contentType("text/html; charset=utf-8").result(nth(pages, ctx.pathParam("n"))));
            config.routes.get("/search/{n}", ctx -> ctx.contentType("application/json").result(nth(searches, ctx.pathParam("n"))));
            config.routes.get("/suggest/{n}", ctx -> ctx.contentType("application/json").result(nth(suggestions, ctx.pathParam("n"))));
            config.routes.put("/save", ctx -> {
                ctx.bodyAsBytes();
                ctx.contentType("application/json").result(saved);
            });
        }).start("127.0.0.1", 0);
        System.out.println("baseline serving on port " + app.port());
        System.out.flush();
    }

    private static byte[] nth(List<byte[]> recorded, String n) {
        return recorded.get(Math.floorMod(Integer.parseInt(n), recorded.size()));
    }

    private static List<byte[]> readAll(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().map(BaselineServer::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the n-th recording of a kind where the server will find it. */
    static void record(Path recorded, String kind, int n, String body) throws IOException {
        Path folder = recorded.resolve(kind);
        Files.createDirectories(folder);
        Files.writeString(folder.resolve(String.format("%04d", n)), body);
    }
}
