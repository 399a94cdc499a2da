package io.eventgate.carrier.simulator;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The progress simulator ({@code eventgate.carrier.simulator.*}).
 *
 * @param enabled       whether shipments progress on their own
 * @param dispatchAfter how long a shipment stays RECEIVED before it is dispatched
 * @param deliverAfter  how long a shipment stays SHIPPED before it is delivered
 * @param pollInterval  how often the simulator looks for shipments that are due
 * @param batchSize     how many due shipments of each status it handles per look
 */
@Validated
@ConfigurationProperties("eventgate.carrier.simulator")
public record SimulatorSettings(
        @DefaultValue("false") boolean enabled,
        @NotNull @DefaultValue("30s") Duration dispatchAfter,
        @NotNull @DefaultValue("60s") Duration deliverAfter,
        @NotNull @DefaultValue("1s") Duration pollInterval,
        @Min(1) @Max(1000) @DefaultValue("50") int batchSize) {
}
