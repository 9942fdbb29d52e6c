package org.clinwiki.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Answers for requests Jetty refuses before they reach the routes (a malformed URL, oversized
 * headers): the API's error shape instead of Jetty's HTML page, with no server details.
 */
final class JettyErrors extends ErrorHandler {

    private static final HttpField JSON = new HttpField(HttpHeader.CONTENT_TYPE, "application/json");

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        response.getHeaders().put(JSON);
        response.write(true, ByteBuffer.wrap(body(code)), callback);
    }

    private static byte[] body(int status) {
        String code = status == 404 ? "not_found" : status == 413 || status == 431 ? "too_large" : "bad_request";
        String message = status >= 500 ? "The server could not answer this request."
                : HttpStatus.getMessage(status).replace("\"", "'") + ": the request could not be understood.";
        if (status >= 500) {
            code = "internal_error";
        }
        return ("{\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message + "\"}}").getBytes(StandardCharsets.UTF_8);
    }
}
