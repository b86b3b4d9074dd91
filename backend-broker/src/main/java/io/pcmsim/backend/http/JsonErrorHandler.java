package io.pcmsim.backend.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's answer to requests that never reach a route (a malformed URI or request line, headers too
 * large): the API's error body instead of Jetty's HTML page.
 */
final class JsonErrorHandler extends ErrorHandler {

    private static final HttpField JSON = new HttpField(HttpHeader.CONTENT_TYPE, "application/json");

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
            Callback callback) {
        response.getHeaders().put(JSON);
        response.write(true, body(code), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(JSON);
        return body(status);
    }

    private static ByteBuffer body(int status) {
        String reason = HttpStatus.getMessage(status).toLowerCase(Locale.ROOT);
        String body = "{\"status\":" + status + ",\"error\":\"" + HttpApi.code(status) + "\",\"message\":\""
                + "the request was refused before reaching a route: " + reason + "\"}";
        return ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8));
    }
}
