package io.eventgate.localcloud.apigateway.execute;

import io.eventgate.localcloud.edge.EdgeRequest;
import io.eventgate.localcloud.edge.EdgeResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code AWS} integrations, executed against local-cloud's own services in-process: the integration request becomes
 * the request the AWS service would have received and goes through the edge's router. Only EventBridge
 * {@code PutEvents} is supported; any other action is a 500 and a log line naming it.
 */
final class AwsServiceBackend {

    private static final Logger log = LoggerFactory.getLogger(AwsServiceBackend.class);
    private static final Pattern ACTION_URI =
            Pattern.compile("arn:aws[a-z-]*:apigateway:([a-z0-9-]+):([a-z0-9-]+):action/([A-Za-z0-9]+)(\\?.*)?");

    private final Function<EdgeRequest, EdgeResponse> services;

    AwsServiceBackend(Function<EdgeRequest, EdgeResponse> services) {
        this.services = services;
    }

    BackendResponse call(String uri, IntegrationRequest request, Invocation invocation) {
        Matcher m = ACTION_URI.matcher(uri);
        if (!m.matches() || !m.group(2).equals("events") || !m.group(3).equals("PutEvents")) {
            log.error("API {} {} {}: AWS integration {} is not supported by local-cloud (only "
                            + "arn:aws:apigateway:{region}:events:action/PutEvents is); answering 500",
                    invocation.deployed.api().id(), invocation.request.httpMethod(), invocation.resource.path(), uri);
            throw GatewayException.internalError();
        }
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        request.headers().forEach((name, value) -> headers.put(name, List.of(value)));
        headers.putIfAbsent("X-Amz-Target", List.of("AWSEvents.PutEvents"));
        headers.putIfAbsent("Content-Type", List.of("application/x-amz-json-1.1"));
        var synthetic = new EdgeRequest("POST", "/", "", headers, request.body().getBytes(StandardCharsets.UTF_8),
                invocation.request.sourceIp());
        EdgeResponse answer = services.apply(synthetic);
        return new BackendResponse(answer.status(), answer.headers(), answer.body());
    }
}
