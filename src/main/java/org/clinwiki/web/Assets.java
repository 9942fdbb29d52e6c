package org.clinwiki.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The CSS and JavaScript files from {@code static/}, served from memory under fingerprinted
 * names ({@code /static/wiki.3f2a9c1b0d.css}) so browsers and proxies may keep them for a
 * year: a changed file gets a new name. Only files listed here are served, so no path can
 * reach anything else. Thread-safe.
 */
final class Assets {

    private static final List<String> FILES = List.of("wiki.css", "wiki.js", "favicon.svg");
    private static final Map<String, String> TYPES = Map.of("css", "text/css; charset=utf-8", "js", "text/javascript; charset=utf-8",
            "svg", "image/svg+xml");

    private record Asset(byte[] bytes, String contentType, boolean fingerprinted) {
    }

    private final Map<String, String> urls = new HashMap<>();
    private final Map<String, Asset> byPath = new HashMap<>();

    Assets() {
        for (String name : FILES) {
            byte[] bytes = read("/static/" + name);
            String extension = name.substring(name.lastIndexOf('.') + 1);
            String fingerprinted = name.substring(0, name.lastIndexOf('.')) + "." + fingerprint(bytes) + "." + extension;
            urls.put(name, "/static/" + fingerprinted);
            byPath.put(fingerprinted, new Asset(bytes, TYPES.get(extension), true));
            byPath.put(name, new Asset(bytes, TYPES.get(extension), false));
        }
    }

    /** The URL to link to for a file, e.g. {@code url("wiki.css")}. */
    String url(String name) {
        return urls.get(name);
    }

    void serve(Context ctx) {
        serve(ctx, ctx.pathParam("file"));
    }

    /** Browsers ask for /favicon.ico whatever the page says; they accept the SVG icon there. */
    void favicon(Context ctx) {
        serve(ctx, "favicon.svg");
    }

    private void serve(Context ctx, String file) {
        Asset asset = byPath.get(file);
        if (asset == null) {
            throw new NotFoundResponse();
        }
        // Fingerprinted names never change content; the plain names may, so they are kept briefly.
        ctx.header("Cache-Control", asset.fingerprinted() ? "public, max-age=31536000, immutable" : "public, max-age=300");
        ctx.status(HttpStatus.OK).contentType(asset.contentType()).result(asset.bytes());
    }

    private static byte[] read(String resource) {
        try (InputStream in = Assets.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing static file " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String fingerprint(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
