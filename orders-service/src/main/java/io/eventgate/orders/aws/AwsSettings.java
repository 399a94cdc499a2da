package io.eventgate.orders.aws;

import java.net.URI;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where the AWS APIs are.
 *
 * @param endpoint one edge URL for every AWS client (local-cloud, LocalStack: {@code http://localhost:4566});
 *                 unset means the SDK's own endpoints, i.e. real AWS
 * @param region   the region; unset means the SDK's region chain (or {@code us-east-1} when an endpoint is set)
 * @param eventBridgeEndpoint overrides {@code endpoint} for EventBridge alone — for an emulator that serves only
 *                 EventBridge, or a test stub; unset means EventBridge uses {@code endpoint} like every other client
 */
@Validated
@ConfigurationProperties("eventgate.aws")
public record AwsSettings(Optional<URI> endpoint, Optional<String> region, Optional<URI> eventBridgeEndpoint) {

    static final String LOCAL_DEFAULT_REGION = "us-east-1";

    public AwsSettings {
        endpoint = endpoint == null ? Optional.empty() : endpoint;
        region = region == null ? Optional.empty() : region.filter(r -> !r.isBlank());
        eventBridgeEndpoint = eventBridgeEndpoint == null ? Optional.empty() : eventBridgeEndpoint;
        endpoint.ifPresent(uri -> requireAbsolute("endpoint", uri));
        eventBridgeEndpoint.ifPresent(uri -> requireAbsolute("event-bridge-endpoint", uri));
    }

    private static void requireAbsolute(String name, URI uri) {
        if (!uri.isAbsolute() || uri.getHost() == null) {
            throw new IllegalArgumentException("eventgate.aws." + name + " must be an absolute URL, was " + uri);
        }
    }
}
