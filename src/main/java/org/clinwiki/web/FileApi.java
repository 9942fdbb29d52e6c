package org.clinwiki.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.clinwiki.error.InvalidInputException;
import org.clinwiki.file.FileService;
import org.clinwiki.file.FileVersion;
import org.clinwiki.page.PageModeration;
import org.clinwiki.page.SaveResult;
import org.clinwiki.title.Title;

/** JSON API for files: upload, metadata and versions, revert, delete and restore. */
final class FileApi {

    record RevertRequest(Long versionId, String reason) {
    }

    record VersionJson(long id, String url, String sha256, long size, String mediaType, int width, int height,
                       ApiJson.AuthorJson uploader, Instant timestamp, String comment, Long revertedFrom) {
        static VersionJson of(Title title, FileVersion version) {
            return new VersionJson(version.id(), "/files/" + title.nameUrlPath() + "?version=" + version.id(), version.sha256(),
                    version.size(), version.mediaType(), version.width(), version.height(), ApiJson.AuthorJson.of(version.uploader()),
                    version.timestamp(), version.comment(),
                    version.revertedFrom().isPresent() ? version.revertedFrom().getAsLong() : null);
        }
    }

    /** A file: its name, where its bytes and page are, its current version and all versions, newest first. */
    record FileJson(String name, String title, String url, String page, VersionJson latest, List<VersionJson> versions) {
    }

    /** An upload's answer: {@code created}, {@code saved} (a new version) or {@code unchanged} (the same bytes). */
    record UploadJson(String name, String title, String outcome, String url, VersionJson version) {
    }

    private final FileService files;
    private final PageModeration moderation;
    private final Auth auth;

    FileApi(FileService files, PageModeration moderation, Auth auth) {
        this.files = files;
        this.moderation = moderation;
        this.auth = auth;
    }

    /** {@code POST /api/v1/files}: multipart {@code file}, optional {@code name}, {@code comment}, {@code replace=true}. */
    void upload(Context ctx) {
        var actor = auth.actor(ctx);
        MultipartForm form = MultipartForm.of(ctx);
        MultipartForm.FilePart file = form.file("file").orElseThrow(() ->
                new InvalidInputException("missing_file", "Send the file in a multipart field named \"file\"."));
        String name = form.text("name").filter(given -> !given.isBlank()).orElse(file.fileName());
        boolean replace = form.text("replace").map(value -> value.equals("true") || value.equals("1")).orElse(false);
        FileService.Uploaded uploaded = files.upload(actor,
                new FileService.Upload(name, file.bytes(), form.text("comment").orElse(""), replace));
        ctx.status(uploaded.outcome() == SaveResult.Outcome.CREATED ? HttpStatus.CREATED : HttpStatus.OK);
        ctx.json(uploadJson(uploaded));
    }

    void show(Context ctx) {
        Title title = fileTitle(ctx);
        FileService.StoredFile file = files.file(title, auth.viewer(ctx));
        List<VersionJson> versions = file.versions().stream().map(version -> VersionJson.of(title, version)).toList();
        ctx.json(new FileJson(title.name(), title.text(), "/files/" + title.nameUrlPath(), title.wikiPath(), versions.getFirst(), versions));
    }

    void revert(Context ctx) {
        var actor = auth.actor(ctx);
        RevertRequest request = Requests.body(ctx, RevertRequest.class);
        if (request.versionId() == null) {
            throw new InvalidInputException("missing_version", "Say which version to revert to (versionId).");
        }
        ctx.json(uploadJson(files.revert(actor, fileTitle(ctx), request.versionId(), request.reason())));
    }

    void delete(Context ctx) {
        var actor = auth.actor(ctx);
        Title title = fileTitle(ctx);
        files.file(title, Optional.of(actor.user()));
        moderation.delete(actor, title, Requests.optionalBody(ctx, PageApi.ReasonRequest.class, new PageApi.ReasonRequest("")).reason());
        ctx.status(HttpStatus.NO_CONTENT);
    }

    void restore(Context ctx) {
        var actor = auth.actor(ctx);
        Title title = fileTitle(ctx);
        moderation.restore(actor, title, Requests.optionalBody(ctx, PageApi.ReasonRequest.class, new PageApi.ReasonRequest("")).reason());
        show(ctx);
    }

    private static Title fileTitle(Context ctx) {
        return FileService.titleOf(ctx.pathParam("name"));
    }

    private static UploadJson uploadJson(FileService.Uploaded uploaded) {
        Title title = uploaded.title();
        return new UploadJson(title.name(), title.text(), uploaded.outcome().name().toLowerCase(java.util.Locale.ROOT),
                "/files/" + title.nameUrlPath(), VersionJson.of(title, uploaded.version()));
    }
}
