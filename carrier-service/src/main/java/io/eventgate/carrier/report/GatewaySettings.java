package io.eventgate.carrier.report;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where and how reports are POSTed ({@code eventgate.carrier.gateway.*}).
 *
 * @param url            the gateway route, e.g. {@code http://localhost:4566/_aws/execute-api/eventgate/local/events}
 * @param apiKey         the carrier's gateway API key, sent as {@code x-api-key}; a secret, never logged
 * @param connectTimeout how long to wait for a TCP connection
 * @param requestTimeout how long to wait for the gateway's answer; a timeout counts as a retryable failure
 */
@Validated
@ConfigurationProperties("eventgate.carrier.gateway")
public record GatewaySettings(
        @NotNull URI url,
        @NotBlank String apiKey,
        @NotNull @DefaultValue("2s") Duration connectTimeout,
        @NotNull @DefaultValue("10s") Duration requestTimeout) {

    /** Keeps the key out of logs, actuator output and exception messages. */
    @Override
    public String toString() {
        return "GatewaySettings[url=" + url + ", apiKey=***, connectTimeout=" + connectTimeout
                + ", requestTimeout=" + requestTimeout + "]";
    }
}
