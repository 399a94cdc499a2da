package io.eventgate.web.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a service must answer when the web server, not the application, refuses a request: an RFC 9457 problem
 * ({@code application/problem+json} with {@code status} and {@code title}) — never Tomcat's HTML page or Boot's
 * default JSON. A service's test extends this with its running port, a path it serves and credentials that pass
 * its security (so that 404 and 405 are what the web layer says, not a 401).
 */
public interface ContainerRejectionsContract {

    /** The port the service listens on. */
    int port();

    /** A path the service serves with GET, e.g. {@code /orders}. */
    String servedPath();

    /** Header lines that authenticate fully (e.g. an operator's {@code Authorization}), possibly none. */
    List<String> credentials();

    default RawHttp.Response send(String method, String target, String... extraHeaders) {
        List<String> headers = new java.util.ArrayList<>(credentials());
        headers.addAll(List.of(extraHeaders));
        return RawHttp.request(port(), method, target, null, headers.toArray(String[]::new));
    }

    /** Asserts the response is a problem with that status, and returns it. */
    static JsonNode assertProblem(RawHttp.Response response, int status) {
        assertThat(response.status()).as("status of %s", response).isEqualTo(status);
        assertThat(response.header("content-type")).as("content type of %s", response)
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = JsonMapper.builder().build().readTree(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("title").asString()).isNotBlank();
        assertThat(response.body()).doesNotContain("<html", "Tomcat", "\"timestamp\"", "Exception");
        return problem;
    }

    @Test
    default void anEncodedSlashInThePathIsAProblem() {
        assertProblem(send("GET", servedPath() + "/a%2Fb"), 400);
        assertProblem(send("GET", servedPath() + "/a%2fb"), 400);
    }

    @Test
    default void dotDotAboveTheRootIsAProblem() {
        assertProblem(send("GET", "/../" + servedPath()), 400);
        assertProblem(send("GET", "/%2e%2e/%2e%2e" + servedPath()), 400);
    }

    @Test
    default void aNulInThePathIsAProblem() {
        assertProblem(send("GET", servedPath() + "/a%00b"), 400);
        assertProblem(RawHttp.exchange(port(), ("GET " + servedPath() + "/a\0b HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1)), 400);
    }

    @Test
    default void aBackslashOrABrokenEscapeInThePathIsAProblem() {
        assertProblem(send("GET", servedPath() + "/a%5Cb"), 400);
        assertProblem(send("GET", servedPath() + "/%zz"), 400);
    }

    @Test
    default void aHeaderOverTheLimitIsAProblem() {
        assertProblem(send("GET", servedPath(), "X-Big: " + "a".repeat(20_000)), 400);
    }

    @Test
    default void traceIsAProblem() {
        assertProblem(send("TRACE", servedPath()), 405);
    }

    @Test
    default void anUnsupportedMethodIsAProblem() {
        assertProblem(send("PATCH", servedPath()), 405);
        assertProblem(send("CONNECT", "localhost:80"), 501);
    }

    @Test
    default void anUnknownPathIsAProblem() {
        assertProblem(send("GET", "/no-such-thing"), 404);
        assertProblem(send("GET", "/error"), 404);
    }

    @Test
    default void aBrokenRequestLineOrVersionIsAProblem() {
        assertProblem(RawHttp.exchange(port(), "GARBAGE\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1)), 400);
        assertProblem(RawHttp.exchange(port(), "GET / HTTP/2.0\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1)), 505);
    }

    @Test
    default void conflictingOrUnknownBodyFramingIsAProblem() {
        assertProblem(RawHttp.exchange(port(), ("POST " + servedPath() + " HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n"
                + "Content-Length: 3\r\nConnection: close\r\n\r\n{}").getBytes(StandardCharsets.ISO_8859_1)), 400);
        assertProblem(RawHttp.exchange(port(), ("POST " + servedPath() + " HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n"
                + "Connection: close\r\n\r\n{}").getBytes(StandardCharsets.ISO_8859_1)), 501);
    }
}
