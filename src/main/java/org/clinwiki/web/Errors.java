package org.clinwiki.web;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.clinwiki.error.WikiException;
import org.clinwiki.error.DatabaseUnavailableException;
import org.clinwiki.limit.ServerBusyException;
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
    private static final long DATABASE_BUSY_RETRY_SECONDS = 2;

    private static final Map<WikiException.Kind, HttpStatus> STATUS = Map.of(
            WikiException.Kind.INVALID, HttpStatus.BAD_REQUEST,
            WikiException.Kind.UNAUTHENTICATED, HttpStatus.UNAUTHORIZED,
            WikiException.Kind.FORBIDDEN, HttpStatus.FORBIDDEN,
            WikiException.Kind.NOT_FOUND, HttpStatus.NOT_FOUND,
            WikiException.Kind.CONFLICT, HttpStatus.CONFLICT,
            WikiException.Kind.TOO_LARGE, HttpStatus.CONTENT_TOO_LARGE,
            WikiException.Kind.UNSUPPORTED, HttpStatus.UNSUPPORTED_MEDIA_TYPE,
            WikiException.Kind.TOO_MANY, HttpStatus.TOO_MANY_REQUESTS,
            WikiException.Kind.BUSY, HttpStatus.SERVICE_UNAVAILABLE,
            WikiException.Kind.TOO_SLOW, HttpStatus.REQUEST_TIMEOUT);

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

    /** The status a failure answers with, for handlers that show it on their own page (forms). */
    static HttpStatus status(WikiException e) {
        return STATUS.get(e.kind());
    }

    /**
     * A failure as the {@link WikiException} it is answered as, for handlers that show it on their
     * own page (forms): a {@code WikiException} itself, or a database that stayed busy (503, busy).
     * Empty for a bug, which only the error page may answer.
     */
    static Optional<WikiException> expected(Throwable failure) {
        if (failure instanceof WikiException known) {
            return Optional.of(known);
        }
        return databaseBusy(failure) ? Optional.of(busy()) : Optional.empty();
    }

    /** {@link #expected} for a form's handler: the failure to show with the form, or the bug rethrown for the error page. */
    static WikiException forForm(RuntimeException failure) {
        return expected(failure).orElseThrow(() -> failure);
    }

    // The database kept us waiting longer than a request may wait: nothing was written, so trying again is safe.
    private static ServerBusyException busy() {
        return new ServerBusyException("The wiki is too busy to answer, or cannot reach its database, right now; nothing you sent was changed. "
                + "Try again in a moment.",
                DATABASE_BUSY_RETRY_SECONDS);
    }

    /** The headers a failure's answer carries whatever its body: when to retry, how to authenticate. */
    static void headers(Context ctx, WikiException e) {
        if (status(e) == HttpStatus.UNAUTHORIZED) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"clinwiki\"");
        }
        e.retryAfterSeconds().ifPresent(seconds -> ctx.header("Retry-After", Long.toString(seconds)));
    }

    private void wikiException(WikiException e, Context ctx) {
        HttpStatus status = status(e);
        headers(ctx, e);
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
        if (databaseBusy(e)) {
            wikiException(busy(), ctx);
            return;
        }
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

    /**
     * Whether a failure is the database being busy rather than a bug: no connection came free in
     * time, or SQLite stayed locked past its busy timeout (SQLITE_BUSY, SQLITE_LOCKED).
     */
    static boolean databaseBusy(Throwable failure) {
        return DatabaseUnavailableException.isTransient(failure);
    }

    static boolean isApi(Context ctx) {
        return ctx.path().startsWith("/api/");
    }
}
