package io.eventgate.web.container;

import java.io.IOException;
import java.io.Writer;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.Container;
import org.apache.catalina.Context;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat's error-report valve, answering RFC 9457 {@code application/problem+json} instead of an HTML page. It
 * sees every error response nobody wrote a body for: what the connector refuses before any servlet runs, a
 * {@code sendError} from a filter, an exception that escaped every handler. The application's own problems
 * (written by its exception handlers) already have a body and pass untouched.
 *
 * <p>The detail never repeats the server's message or the exception: those may echo the request or describe
 * internals. The status and a fixed sentence per status say enough; the log has the rest.
 */
public class ProblemReportValve extends ErrorReportValve {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<Integer, String> DETAILS = Map.of(
            400, "The request was refused before it reached the API: its request line, path, headers or body "
                    + "framing are malformed (for example an encoded '/', '..' or NUL in the path, or a header over "
                    + "the size limit).",
            404, "There is no resource at this path.",
            405, "This method is not allowed here.",
            413, "The request body is too large.",
            414, "The request URI is too long.",
            500, "The request could not be completed; try again.",
            501, "The request uses a method or transfer coding this server does not implement.",
            505, "Only HTTP/1.1 is served here.");

    /**
     * Puts this valve on the context's host in place of any other error-report valve (Boot adds one), and makes
     * the host use this class when it would add its default one at start.
     */
    public static void installOnHost(Context context) {
        Container host = context.getParent();
        for (Valve valve : host.getPipeline().getValves()) {
            if (valve instanceof ErrorReportValve && !(valve instanceof ProblemReportValve)) {
                host.getPipeline().removeValve(valve);
            }
        }
        if (host instanceof StandardHost standardHost) {
            standardHost.setErrorReportValveClass(ProblemReportValve.class.getName());
        }
        boolean present = false;
        for (Valve valve : host.getPipeline().getValves()) {
            present |= valve instanceof ProblemReportValve;
        }
        if (!present) {
            host.getPipeline().addValve(new ProblemReportValve());
        }
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        // As the HTML valve: only errors, only when nothing was written, only once.
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean();
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(problem(status));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client is gone or the response was committed meanwhile: there is nobody left to tell.
            container.getLogger().debug("could not write the problem report", e);
        }
    }

    static String problem(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        String detail = DETAILS.getOrDefault(status, title + ".");
        return JSON.writeValueAsString(new Problem("about:blank", title, status, detail));
    }

    /** The members of an RFC 9457 problem that a container-level refusal can fill in. */
    private record Problem(String type, String title, int status, String detail) {
    }
}
