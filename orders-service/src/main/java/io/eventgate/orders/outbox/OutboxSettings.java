package io.eventgate.orders.outbox;

import io.eventgate.web.retry.Pauses;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param busName        the EventBridge bus events go to
 * @param source         the events' {@code source}
 * @param sweepInterval  how often pending records are looked for (crash leftovers, records whose retry is due)
 * @param lease          how long a claimed record is reserved for the instance publishing it
 * @param resendAttempts how many times a batch's failed entries are sent before they wait for a later sweep
 * @param backoff        the first pause between resends, doubled each time up to {@code maxBackoff}
 * @param maxBackoff     the longest pause, also the cap for how long a repeatedly failing record waits
 * @param workers        threads publishing handed-over records side by side, each ten records per call
 * @param queueCapacity  handed-over records one instance holds in memory at most; beyond that a record waits for
 *                       its lease to run out and a sweep
 * @param metricsRefresh how long one reading of the backlog (two queries of the pending index) serves the outbox
 *                       gauges before it is read again
 */
@Validated
@ConfigurationProperties("eventgate.orders.outbox")
public record OutboxSettings(
        @DefaultValue("eventgate") @NotBlank String busName,
        @DefaultValue("eventgate.orders") @NotBlank String source,
        @DefaultValue("5s") @NotNull Duration sweepInterval,
        @DefaultValue("30s") @NotNull Duration lease,
        @DefaultValue("3") @Min(1) int resendAttempts,
        @DefaultValue("200ms") @NotNull Duration backoff,
        @DefaultValue("60s") @NotNull Duration maxBackoff,
        @DefaultValue("4") @Min(1) @Max(64) int workers,
        @DefaultValue("10000") @Min(10) int queueCapacity,
        @DefaultValue("5s") @NotNull Duration metricsRefresh) {

    /** The pause before attempt {@code attempt + 1} (attempt counts from 1). */
    Duration backoffAfter(int attempt) {
        return Pauses.after(attempt, backoff, maxBackoff);
    }
}
