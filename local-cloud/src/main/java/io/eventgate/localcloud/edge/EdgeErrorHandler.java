package io.eventgate.localcloud.edge;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * What the HTTP server answers for requests it refuses before they reach the router — a malformed or ambiguous URI,
 * headers too large, a bad request line: AWS's REST-JSON error shape ({@code {"message": ...}} with
 * {@code x-amzn-ErrorType}), never an HTML page, and never the server's internals.
 */
final class EdgeErrorHandler extends ErrorHandler {

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) throws IOException {
        String type = switch (code) {
            case 400 -> "BadRequestException";
            case 404 -> "NotFoundException";
            case 405 -> "MethodNotAllowedException";
            case 413 -> "RequestEntityTooLargeException";
            case 414 -> "RequestURITooLongException";
            case 431 -> "RequestHeaderFieldsTooLargeException";
            default -> code >= 500 ? "InternalFailure" : "BadRequestException";
        };
        String reason = HttpStatus.getMessage(code);
        EdgeResponse error = AwsErrors.restJson(code, type, "The request was refused: " + reason
                + (code == 400 ? " (malformed or ambiguous request line, URI or header)" : ""));
        response.setStatus(code);
        error.headers().forEach((name, values) -> values.forEach(v -> response.getHeaders().put(name, v)));
        response.getHeaders().put("Content-Length", String.valueOf(error.body().length));
        response.write(true, ByteBuffer.wrap(error.body()), callback);
    }
}
