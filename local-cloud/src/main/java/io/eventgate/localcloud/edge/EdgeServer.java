package io.eventgate.localcloud.edge;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The one HTTP port in front of every service. Reads each request whole (AWS APIs are small request/response
 * exchanges), lets the {@link EdgeRouter} answer it on a virtual thread, and writes the answer back.
 */
public final class EdgeServer implements AutoCloseable {

    /** Larger than any AWS API we serve accepts (API Gateway 10 MB, PutEvents 10 x 1 MB); bigger is refused. */
    public static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

    private final Server server;
    private final ServerConnector connector;

    /** Binds the port at once (so the real port is known before the services start); serves after {@link #start}. */
    public EdgeServer(String bindAddress, int port, EdgeRouter router) throws IOException {
        QueuedThreadPool threads = new QueuedThreadPool(256, 8);
        threads.setName("edge");
        threads.setVirtualThreadsExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server = new Server(threads);
        server.setStopTimeout(2_000);
        // API Gateway's TagResource puts an ARN in the path, so %2F must be accepted and decoded like any escape.
        HttpConfiguration http = new HttpConfiguration();
        http.setUriCompliance(UriCompliance.DEFAULT.with("aws-arn-in-path",
                UriCompliance.Violation.AMBIGUOUS_PATH_SEPARATOR));
        connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(bindAddress);
        connector.setPort(port);
        connector.setIdleTimeout(120_000);
        server.addConnector(connector);
        server.setHandler(new RouterHandler(router));
        server.setErrorHandler(new EdgeErrorHandler());
        connector.open();
    }

    public int port() {
        return connector.getLocalPort();
    }

    public void start() throws Exception {
        server.start();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    private static final class RouterHandler extends Handler.Abstract {

        private final EdgeRouter router;

        RouterHandler(EdgeRouter router) {
            super(InvocationType.BLOCKING);
            this.router = router;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            EdgeResponse answer;
            byte[] body = readBody(request);
            if (body == null) {
                answer = AwsErrors.restJson(413, "RequestEntityTooLargeException",
                        "Request body exceeds " + MAX_BODY_BYTES + " bytes");
            } else {
                answer = router.route(toEdgeRequest(request, body));
            }
            response.setStatus(answer.status());
            answer.headers().forEach((name, values) -> values.forEach(v -> response.getHeaders().add(name, v)));
            response.getHeaders().put("Content-Length", String.valueOf(answer.body().length));
            response.write(true, ByteBuffer.wrap(answer.body()), callback);
            return true;
        }

        private static byte[] readBody(Request request) throws IOException {
            try (InputStream in = Content.Source.asInputStream(request)) {
                byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
                return body.length > MAX_BODY_BYTES ? null : body;
            }
        }

        private static EdgeRequest toEdgeRequest(Request request, byte[] body) {
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (HttpField field : request.getHeaders()) {
                headers.computeIfAbsent(field.getName(), n -> new ArrayList<>()).add(field.getValue());
            }
            String path = request.getHttpURI().getDecodedPath();
            return new EdgeRequest(request.getMethod(), path == null || path.isEmpty() ? "/" : path,
                    request.getHttpURI().getQuery(), headers, body, Request.getRemoteAddr(request));
        }
    }
}
