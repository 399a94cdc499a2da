package io.eventgate.orders.aws;

import io.eventgate.aws.AwsSettings;
import java.net.URI;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The one AWS setting only orders-service has, beside service-aws's shared {@code eventgate.aws.endpoint} and
 * {@code region}.
 *
 * @param eventBridgeEndpoint overrides {@code eventgate.aws.endpoint} for EventBridge alone — for an emulator that
 *                            serves only EventBridge, or a test stub; unset means EventBridge uses the shared endpoint
 */
@Validated
@ConfigurationProperties("eventgate.aws")
public record EventBridgeSettings(Optional<URI> eventBridgeEndpoint) {

    public EventBridgeSettings {
        eventBridgeEndpoint = eventBridgeEndpoint == null ? Optional.empty() : eventBridgeEndpoint;
        eventBridgeEndpoint.ifPresent(uri -> AwsSettings.requireAbsolute("event-bridge-endpoint", uri));
    }
}
