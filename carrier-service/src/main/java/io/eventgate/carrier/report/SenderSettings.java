package io.eventgate.carrier.report;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the background sender retries ({@code eventgate.carrier.sender.*}).
 *
 * @param initialBackoff delay ceiling after the first failed attempt; doubles per attempt up to {@code maxBackoff}
 * @param maxBackoff     the largest backoff ceiling
 * @param maxRetryAfter  upper bound on a gateway's {@code Retry-After}, so a bogus header cannot park reports for days
 * @param idlePoll       how often an idle sender looks for pending reports it was not told about
 * @param batchSize      how many pending reports are read per query
 * @param metricsRefresh how long one reading of the pending reports serves the report gauges
 */
@Validated
@ConfigurationProperties("eventgate.carrier.sender")
public record SenderSettings(
        @NotNull @DefaultValue("200ms") Duration initialBackoff,
        @NotNull @DefaultValue("30s") Duration maxBackoff,
        @NotNull @DefaultValue("5m") Duration maxRetryAfter,
        @NotNull @DefaultValue("5s") Duration idlePoll,
        @Min(1) @Max(100) @DefaultValue("25") int batchSize,
        @NotNull @DefaultValue("5s") Duration metricsRefresh) {
}
