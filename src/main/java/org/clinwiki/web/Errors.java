package org.clinwiki.web;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.clinwiki.TooManyRequestsException;
import org.clinwiki.WikiException;
import org.clinwiki.page.EditConflictException;
import org.clinwiki.web.view.ErrorView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one map from failures to HTTP answers. API requests get
 * {@code {"error": {"code", "message"}}}; pages get a readable HTML page. Unexpected failures
 * are logged with an id and answered 500 without any internal detail.
 */
final class Errors {

    private static final Logger log = LoggerFactory.getLogger(Errors.class);

    private static final Map<WikiException.Kind, HttpStatus> STATUS = Map.of(
            WikiException.Kind.INVALID, HttpStatus.BAD_REQUEST,
            WikiException.Kind.UNAUTHENTICATED, HttpStatus.UNAUTHORIZED,
            WikiException.Kind.FORBIDDEN, HttpStatus.FORBIDDEN,
            WikiException.Kind.NOT_FOUND, HttpStatus.NOT_FOUND,
            WikiException.Kind.CONFLICT, HttpStatus.CONFLICT,
            WikiException.Kind.TOO_LARGE, HttpStatus.CONTENT_TOO_LARGE,
            WikiException.Kind.TOO_MANY, HttpStatus.TOO_MANY_REQUESTS);

    private final Layout layout;

    Errors(Layout layout) {
        this.layout = layout;
    }

    void registerOn(RoutesConfig routes) {
        routes.exception(WikiException.class, this::wikiException);
        routes.exception(HttpResponseException.class, this::httpException);
        routes.exception(JacksonException.class, this::jsonException);
        routes.exception(Exception.class, this::unexpected);
    }

    private void wikiException(WikiException e, Context ctx) {
        HttpStatus status = STATUS.get(e.kind());
        if (status == HttpStatus.UNAUTHORIZED) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"clinwiki\"");
        }
        if (e instanceof TooManyRequestsException tooMany) {
            ctx.header("Retry-After", Long.toString(tooMany.retryAfterSeconds()));
        }
        if (e instanceof EditConflictException conflict && isApi(ctx)) {
            ctx.status(status).json(new ApiJson.ConflictBody(new ApiJson.ConflictDetail(e.code(), e.getMessage(),
                    conflict.latestRevisionId(), conflict.latestMarkdown(), conflict.yourMarkdown())));
            return;
        }
        answer(ctx, status, e.code(), e.getMessage());
    }

    private void httpException(HttpResponseException e, Context ctx) {
        HttpStatus status = HttpStatus.forStatus(e.getStatus());
        String code = switch (status) {
            case NOT_FOUND -> "not_found";
            case METHOD_NOT_ALLOWED -> "method_not_allowed";
            case CONTENT_TOO_LARGE -> "too_large";
            case UNAUTHORIZED -> "unauthenticated";
            case FORBIDDEN -> "forbidden";
            default -> status.getCode() < 500 ? "bad_request" : "internal_error";
        };
        String message = switch (status) {
            case NOT_FOUND -> "There is nothing at " + ctx.method() + " " + ctx.path() + ".";
            case CONTENT_TOO_LARGE -> "The request body is too large.";
            case METHOD_NOT_ALLOWED -> "This address does not accept " + ctx.method() + ".";
            default -> status.getMessage();
        };
        answer(ctx, status, code, message);
    }

    private void jsonException(JacksonException e, Context ctx) {
        String message = "The request body is not valid JSON";
        if (e instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = mismatch.getPath().stream()
                    .map(reference -> reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]")
                    .collect(Collectors.joining("."));
            message = "Field \"" + field + "\" has the wrong type";
        } else if (e.getLocation() != null) {
            message += " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
        }
        answer(ctx, HttpStatus.BAD_REQUEST, "invalid_json", message + ".");
    }

    private void unexpected(Exception e, Context ctx) {
        String id = UUID.randomUUID().toString().substring(0, 8);
        log.error("Unexpected failure {} on {} {}", id, ctx.method(), ctx.path(), e);
        answer(ctx, HttpStatus.INTERNAL_SERVER_ERROR, "internal_error",
                "Something went wrong on our side (error " + id + "). Nothing you sent was lost; try again.");
    }

    private void answer(Context ctx, HttpStatus status, String code, String message) {
        ctx.status(status);
        if (isApi(ctx)) {
            ctx.json(new ApiJson.ErrorBody(new ApiJson.ErrorDetail(code, message)));
        } else {
            layout.render(ctx, status, "error.jte", new ErrorView(status.getCode(), status.getMessage(), message));
        }
    }

    static boolean isApi(Context ctx) {
        return ctx.path().startsWith("/api/");
    }
}
