package org.clinwiki.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.clinwiki.error.InvalidInputException;
import org.clinwiki.file.FileService;
import org.clinwiki.file.FileVersion;
import org.clinwiki.page.PageModeration;
import org.clinwiki.page.PageReader;
import org.clinwiki.page.SaveResult;
import org.clinwiki.title.Title;
import org.clinwiki.user.User;

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

    /**
     * A file: its name, where its bytes and page are, its current version and all versions, newest
     * first; {@code changeSeq} only in the answer to a restore, the change number it committed.
     */
    record FileJson(String name, String title, String url, String page, VersionJson latest, List<VersionJson> versions,
                    @JsonInclude(JsonInclude.Include.NON_NULL) Long changeSeq) {
    }

    /**
     * An upload's answer: {@code created}, {@code saved} (a new version) or {@code unchanged} (the
     * same bytes), and the change number it committed (the latest one when unchanged).
     */
    record UploadJson(String name, String title, String outcome, String url, VersionJson version, long changeSeq) {
    }

    private final FileService files;
    private final PageModeration moderation;
    private final PageReader reader;
    private final Auth auth;

    FileApi(FileService files, PageModeration moderation, PageReader reader, Auth auth) {
        this.files = files;
        this.moderation = moderation;
        this.reader = reader;
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
        ctx.json(uploadJson(ctx, uploaded));
    }

    void show(Context ctx) {
        ReadYourWrites.after(ctx);
        ctx.json(fileJson(fileTitle(ctx), auth.viewer(ctx), null));
    }

    private FileJson fileJson(Title title, Optional<User> viewer, Long changeSeq) {
        FileService.StoredFile file = files.file(title, viewer);
        List<VersionJson> versions = file.versions().stream().map(version -> VersionJson.of(title, version)).toList();
        return new FileJson(title.name(), title.text(), "/files/" + title.nameUrlPath(), title.wikiPath(), versions.getFirst(), versions,
                changeSeq);
    }

    void revert(Context ctx) {
        var actor = auth.actor(ctx);
        RevertRequest request = Requests.body(ctx, RevertRequest.class);
        if (request.versionId() == null) {
            throw new InvalidInputException("missing_version", "Say which version to revert to (versionId).");
        }
        ctx.json(uploadJson(ctx, files.revert(actor, fileTitle(ctx), request.versionId(), request.reason())));
    }

    void delete(Context ctx) {
        var actor = auth.actor(ctx);
        Title title = fileTitle(ctx);
        files.file(title, Optional.of(actor.user()));
        String reason = Requests.optionalBody(ctx, PageApi.ReasonRequest.class, new PageApi.ReasonRequest("")).reason();
        ReadYourWrites.committed(ctx, moderation.delete(actor, title, reason).changeSequence());
        ctx.status(HttpStatus.NO_CONTENT);
    }

    void restore(Context ctx) {
        var actor = auth.actor(ctx);
        Title title = fileTitle(ctx);
        String reason = Requests.optionalBody(ctx, PageApi.ReasonRequest.class, new PageApi.ReasonRequest("")).reason();
        long changeSeq = moderation.restore(actor, title, reason).changeSequence();
        ReadYourWrites.committed(ctx, changeSeq);
        ctx.json(fileJson(title, Optional.of(actor.user()), changeSeq));
    }

    private static Title fileTitle(Context ctx) {
        return FileService.titleOf(ctx.pathParam("name"));
    }

    private UploadJson uploadJson(Context ctx, FileService.Uploaded uploaded) {
        Title title = uploaded.title();
        long changeSeq = ReadYourWrites.committed(ctx, uploaded.changeSequence(), reader::changeSequence);
        return new UploadJson(title.name(), title.text(), uploaded.outcome().name().toLowerCase(java.util.Locale.ROOT),
                "/files/" + title.nameUrlPath(), VersionJson.of(title, uploaded.version()), changeSeq);
    }
}
