package org.clinwiki.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.clinwiki.error.InvalidInputException;
import org.clinwiki.error.WikiException;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.http.MultiPartFormData;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.content.ByteBufferContentSource;
import org.eclipse.jetty.util.Promise;

/**
 * A {@code multipart/form-data} body (an upload), read from the bytes {@link BodyGate} already
 * took in: the servlet's own part parsing would read the request again, and find it empty.
 * Parsed once per request and kept on it, so the CSRF check and the handler share it.
 */
final class MultipartForm {

    private static final String ATTRIBUTE = "clinwiki.multipart";
    private static final int MAX_PARTS = 16;

    private final MultiPartFormData.Parts parts;

    private MultipartForm(MultiPartFormData.Parts parts) {
        this.parts = parts;
    }

    /** A multipart body sent where no file is uploaded. */
    static final class NotAnUploadException extends WikiException {
        NotAnUploadException(String message) {
            super(Kind.UNSUPPORTED, "unsupported_media_type", message);
        }
    }

    /** A file sent in a field: the name the browser gave it and its bytes. */
    record FilePart(String fileName, byte[] bytes) {
    }

    static boolean isMultipart(Context ctx) {
        String type = ctx.contentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
    }

    static MultipartForm of(Context ctx) {
        MultipartForm cached = ctx.attribute(ATTRIBUTE);
        if (cached != null) {
            return cached;
        }
        if (!isMultipart(ctx)) {
            throw new InvalidInputException("invalid_request", "Send the file as multipart/form-data, in a field named \"file\".");
        }
        String boundary = MultiPart.extractBoundary(ctx.contentType());
        if (boundary == null || boundary.isEmpty()) {
            throw new InvalidInputException("invalid_request", "The multipart body has no boundary.");
        }
        MultiPartFormData.Parser parser = new MultiPartFormData.Parser(boundary);
        parser.setMaxParts(MAX_PARTS);
        // The body is in memory already (its size bounded before it was read): keep the parts there too.
        parser.setMaxMemoryFileSize(Long.MAX_VALUE);
        byte[] body = ctx.bodyAsBytes();
        try {
            CompletableFuture<MultiPartFormData.Parts> parsed = new CompletableFuture<>();
            parser.parse(new ByteBufferContentSource(ByteBuffer.wrap(body)), Promise.Invocable.toPromise(parsed));
            MultiPartFormData.Parts parts = parsed.get(10, TimeUnit.SECONDS);
            MultipartForm form = new MultipartForm(parts);
            ctx.attribute(ATTRIBUTE, form);
            return form;
        } catch (ExecutionException | TimeoutException e) {
            throw new InvalidInputException("invalid_request", "The multipart body could not be read.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InvalidInputException("invalid_request", "The multipart body could not be read.");
        }
    }

    /** A field's text, if it was sent and is not a file. */
    Optional<String> text(String name) {
        MultiPart.Part part = parts.getFirst(name);
        if (part == null || part.getFileName() != null) {
            return Optional.empty();
        }
        return Optional.of(part.getContentAsString(StandardCharsets.UTF_8));
    }

    Optional<FilePart> file(String name) {
        MultiPart.Part part = parts.getFirst(name);
        if (part == null || part.getFileName() == null) {
            return Optional.empty();
        }
        try {
            ByteBuffer buffer = Content.Source.asByteBuffer(part.getContentSource());
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return Optional.of(new FilePart(part.getFileName(), bytes));
        } catch (IOException e) {
            throw new InvalidInputException("invalid_request", "The file in field \"" + name + "\" could not be read.");
        }
    }
}
