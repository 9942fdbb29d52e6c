package org.clinwiki.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import org.clinwiki.error.WikiException;
import org.clinwiki.file.FileDelivery;
import org.clinwiki.file.FileService;
import org.clinwiki.file.FileType;
import org.clinwiki.file.FileVersion;
import org.clinwiki.page.Backlink;
import org.clinwiki.page.PageReader;
import org.clinwiki.render.ThumbnailWidths;
import org.clinwiki.title.Title;
import org.clinwiki.user.Permissions;
import org.clinwiki.user.Right;
import org.clinwiki.user.User;
import org.clinwiki.web.view.Dates;
import org.clinwiki.web.view.FileView;
import org.clinwiki.web.view.Link;
import org.clinwiki.web.view.UploadView;

/**
 * Files for people: their bytes and thumbnails at {@code /files/{name}}, the upload form, and
 * the file part of a {@code File:} page. Every file is sent so that it cannot act as a page of
 * this site: no type sniffing, a policy that allows nothing and sandboxes it, and anything not
 * an image as a download.
 */
final class FileViews {

    /** Nothing may load or run inside a file opened on its own, and it gets no origin of ours. */
    static final String FILE_POLICY = "default-src 'none'; sandbox";
    private static final int PREVIEW_WIDTH = 800;
    private static final int VERSION_THUMB_WIDTH = 120;
    private static final int USAGE_SHOWN = 100;

    private final FileService files;
    private final FileDelivery delivery;
    private final PageReader reader;
    private final Permissions permissions;
    private final Layout layout;
    private final Auth auth;
    private final long maxFileBytes;

    FileViews(FileService files, FileDelivery delivery, PageReader reader, Permissions permissions, Layout layout, Auth auth, long maxFileBytes) {
        this.files = files;
        this.delivery = delivery;
        this.reader = reader;
        this.permissions = permissions;
        this.layout = layout;
        this.auth = auth;
        this.maxFileBytes = maxFileBytes;
    }

    /** {@code /files/{name}}: the latest version, {@code ?version=ID} an older one, {@code ?width=W} a thumbnail. */
    void serve(Context ctx) {
        Title title = Title.parse("File:" + ctx.pathParam("name"));
        OptionalLong version = Requests.optionalId(ctx, "version");
        int width = Requests.bounded(ctx, "width", 0, 1, 100_000);
        FileDelivery.Served served = delivery.serve(title, version, width, auth.viewer(ctx));
        String etag = "\"" + served.version().sha256() + "-" + served.width() + "\"";
        ctx.header("Content-Security-Policy", FILE_POLICY);
        ctx.header("ETag", etag);
        // A version's bytes never change: its own address may be kept; the latest is checked each time. A deleted
        // file, which only administrators see, is kept by nobody.
        ctx.header("Cache-Control", served.deleted() ? "private, no-store"
                : version.isPresent() ? "public, max-age=31536000, immutable" : "public, max-age=0, must-revalidate");
        ctx.header("Content-Disposition", disposition(served));
        String ifNoneMatch = ctx.header("If-None-Match");
        if (ifNoneMatch != null && ifNoneMatch.contains(etag)) {
            ctx.status(HttpStatus.NOT_MODIFIED);
            return;
        }
        try {
            // Javalin sets UTF-8 on every answer; a file's bytes have no character set to declare.
            ctx.res().setCharacterEncoding(null);
            ctx.res().setContentType(served.mediaType());
            ctx.header("Content-Length", Long.toString(Files.size(served.path())));
            ctx.result(Files.newInputStream(served.path()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String disposition(FileDelivery.Served served) {
        boolean image = FileType.ofMediaType(served.mediaType()).isImage();
        String name = served.title().name();
        String ascii = name.replaceAll("[^A-Za-z0-9._ -]", "_");
        return (image ? "inline" : "attachment") + "; filename=\"" + ascii + "\"; filename*=UTF-8''"
               + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    void uploadForm(Context ctx) {
        String name = Requests.query(ctx, "name").replace('_', ' ');
        layout.render(ctx, "special/upload.jte", view(ctx, name, "", Requests.flag(ctx, "replace"), Optional.empty()));
    }

    void upload(Context ctx) {
        MultipartForm form = MultipartForm.of(ctx);
        String name = form.text("name").orElse("").strip();
        String comment = form.text("comment").orElse("");
        boolean replace = form.text("replace").isPresent();
        try {
            Optional<MultipartForm.FilePart> file = form.file("file");
            if (file.isEmpty() || file.get().bytes().length == 0) {
                throw new org.clinwiki.error.InvalidInputException("missing_file", "Choose a file to upload.");
            }
            String chosen = name.isEmpty() ? file.get().fileName() : name;
            FileService.Uploaded uploaded = files.upload(auth.actor(ctx),
                    new FileService.Upload(chosen, file.get().bytes(), comment, replace));
            ReadYourWrites.committed(ctx, uploaded.changeSequence(), reader::changeSequence);
            ctx.redirect(uploaded.title().wikiPath(), HttpStatus.SEE_OTHER);
        } catch (WikiException e) {
            if (e.kind() == WikiException.Kind.UNAUTHENTICATED || e.kind() == WikiException.Kind.FORBIDDEN) {
                throw e;
            }
            layout.render(ctx, Errors.status(e), "special/upload.jte", view(ctx, name, comment, replace, Optional.of(e.getMessage())));
        }
    }

    /** An administrator makes an older version current again, from the file's page. */
    void revert(Context ctx) {
        Title title = FileService.titleOf(Requests.form(ctx, "name"));
        long version = Requests.formId(ctx, "version");
        FileService.Uploaded reverted = files.revert(auth.actor(ctx), title, version, ctx.formParam("reason"));
        ReadYourWrites.committed(ctx, reverted.changeSequence(), reader::changeSequence);
        ctx.redirect(title.wikiPath(), HttpStatus.SEE_OTHER);
    }

    private UploadView view(Context ctx, String name, String comment, boolean replace, Optional<String> error) {
        Optional<User> viewer = auth.viewer(ctx);
        return new UploadView(name, comment, replace, error, maxFileBytes, "PNG, JPEG, GIF, WebP, SVG, PDF",
                permissions.holds(viewer, Right.EDIT));
    }

    /** The file part of its page, when the page's title names a file that exists. */
    Optional<FileView> fileView(Title title, Optional<User> viewer) {
        Optional<FileService.StoredFile> found = files.find(title, viewer);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        FileService.StoredFile file = found.get();
        FileVersion latest = file.latest();
        String base = "/files/" + title.nameUrlPath();
        boolean mayRevert = permissions.holds(viewer, Right.REVERT_FILE);
        List<FileView.VersionRow> rows = new ArrayList<>();
        for (FileVersion version : file.versions()) {
            boolean current = version.id() == latest.id();
            rows.add(new FileView.VersionRow(version.id(), current, base + "?version=" + version.id(), Dates.iso(version.timestamp()),
                    Dates.shown(version.timestamp()), picture(base, version, VERSION_THUMB_WIDTH, ""), dimensions(version),
                    size(version.size()), new Link("/special/contributions/" + version.uploader().name(), version.uploader().displayName()),
                    version.comment(), mayRevert && !current, "/special/upload/revert"));
        }
        List<Link> usage = reader.backlinks(title, Optional.empty(), USAGE_SHOWN).stream().map(Backlink::title)
                .map(page -> new Link(page.wikiPath(), page.text())).toList();
        return Optional.of(new FileView(title.name(), base, latest.mediaType(), size(latest.size()),
                picture(base, latest, PREVIEW_WIDTH, title.name()), rows, usage, permissions.holds(viewer, Right.EDIT),
                "/special/upload?replace=true&name=" + URLEncoder.encode(title.name(), StandardCharsets.UTF_8)));
    }

    /** The version as an image at most {@code box} pixels wide, with a double-density source; none for a document. */
    private static Optional<FileView.Picture> picture(String base, FileVersion version, int box, String alt) {
        FileType.Display display = FileType.ofMediaType(version.mediaType()).display();
        boolean svg = display == FileType.Display.VECTOR;
        if (display == FileType.Display.DOWNLOAD) {
            return Optional.empty();
        }
        String original = base + "?version=" + version.id();
        if (!version.hasPixelSize()) {
            return Optional.of(new FileView.Picture(original, "", box, 0, alt));
        }
        int width = Math.min(box, version.width());
        int height = (int) Math.max(1, Math.round((double) version.height() * width / version.width()));
        if (svg || width >= version.width()) {
            return Optional.of(new FileView.Picture(original, "", width, height, alt));
        }
        int dense = Math.min(version.width(), width * 2);
        String src = original + "&width=" + ThumbnailWidths.snap(width, version.width());
        String srcset = dense >= version.width() ? original + " 2x" : original + "&width=" + ThumbnailWidths.snap(dense, version.width()) + " 2x";
        return Optional.of(new FileView.Picture(src, srcset, width, height, alt));
    }

    private static String dimensions(FileVersion version) {
        return version.hasPixelSize() ? version.width() + " × " + version.height() + " pixels" : "";
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }
}
