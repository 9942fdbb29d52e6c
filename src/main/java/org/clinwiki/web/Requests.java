package org.clinwiki.web;

import io.javalin.http.Context;
import java.util.Optional;
import java.util.OptionalLong;
import org.clinwiki.error.InvalidInputException;
import org.clinwiki.title.Title;

/** Reading request parts (title from the path, paging parameters, JSON bodies) with clear 400s. */
final class Requests {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    private Requests() {
    }

    /** The title from the {@code <title>} path part, as written in the URL. */
    static Title title(Context ctx) {
        return Title.parse(ctx.pathParam("title"));
    }

    static int limit(Context ctx) {
        return bounded(ctx, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
    }

    /** A whole-number parameter between {@code min} and {@code max}, or {@code absent} when not given. */
    static int bounded(Context ctx, String name, int absent, int min, int max) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) {
            return absent;
        }
        long value = number(raw, name);
        if (value < min || value > max) {
            throw new InvalidInputException("invalid_parameter", name + " must be between " + min + " and " + max + ".");
        }
        return (int) value;
    }

    /** A positive id cursor such as {@code before}; absent means "from the newest". */
    static long before(Context ctx) {
        OptionalLong before = optionalId(ctx, "before");
        return before.isPresent() ? before.getAsLong() : Long.MAX_VALUE;
    }

    static OptionalLong optionalId(Context ctx, String name) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) {
            return OptionalLong.empty();
        }
        long value = number(raw, name);
        if (value < 1) {
            throw new InvalidInputException("invalid_parameter", name + " must be a positive revision id.");
        }
        return OptionalLong.of(value);
    }

    static long pathId(Context ctx, String name) {
        long value = number(ctx.pathParam(name), name);
        if (value < 1) {
            throw new InvalidInputException("invalid_parameter", name + " must be a positive number.");
        }
        return value;
    }

    static String query(Context ctx, String name) {
        String value = ctx.queryParam(name);
        return value == null ? "" : value;
    }

    static boolean flag(Context ctx, String name) {
        String value = ctx.queryParam(name);
        return value != null && (value.isEmpty() || value.equals("1") || value.equalsIgnoreCase("true"));
    }

    /** A form field that must be filled in. */
    static String form(Context ctx, String name) {
        String value = ctx.formParam(name);
        if (value == null || value.isBlank()) {
            throw new InvalidInputException("missing_parameter", "The form needs " + name + ".");
        }
        return value;
    }

    static long formId(Context ctx, String name) {
        return number(form(ctx, name), name);
    }

    /** A JSON body as {@code type}; an empty or {@code null} body is refused. */
    static <T> T body(Context ctx, Class<T> type) {
        String body = ctx.body().strip();
        if (body.isEmpty()) {
            throw new InvalidInputException("invalid_json", "A JSON body is required.");
        }
        // The JSON mapper is declared to return non-null; a literal null body would fail inside it.
        if (!body.startsWith("{")) {
            throw new InvalidInputException("invalid_json", "The request body must be a JSON object.");
        }
        return ctx.jsonMapper().fromJsonString(body, type);
    }

    /** A JSON body, or {@code empty} when the request has none (optional bodies such as a reason). */
    static <T> T optionalBody(Context ctx, Class<T> type, T empty) {
        return ctx.body().isBlank() ? empty : body(ctx, type);
    }


    private static long number(String raw, String name) {
        try {
            return Long.parseLong(raw.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("invalid_parameter", name + " must be a whole number.");
        }
    }

    /** {@code ?after=}: the title a paged list of titles continues after, if given. */
    static Optional<Title> afterTitle(Context ctx) {
        String after = query(ctx, "after");
        return after.isBlank() ? Optional.empty() : Optional.of(Title.parse(after));
    }
}
