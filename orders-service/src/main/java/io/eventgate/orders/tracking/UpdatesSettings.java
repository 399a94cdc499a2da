package io.eventgate.orders.tracking;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The live update streams ({@code GET /orders/{id}/updates}) of one instance.
 *
 * @param maxStreams     open streams this instance holds at most; one more is refused with 503 and Retry-After
 * @param heartbeat      how often each stream gets a {@code heartbeat} event: keeps proxies and load balancers from
 *                       closing a quiet connection (an AWS load balancer's idle timeout is 60 s), lets the page
 *                       notice a connection that died silently, and finds clients that went away
 * @param idleTimeout    a stream that had no news for this long is told {@code idle} and closed
 * @param reconnectDelay what the stream asks a client to wait before reconnecting ({@code retry:})
 * @param busyRetryAfter what a refusal at the cap asks the client to wait ({@code Retry-After})
 */
@Validated
@ConfigurationProperties("eventgate.orders.updates")
public record UpdatesSettings(
        @DefaultValue("1000") @Min(1) @Max(100_000) int maxStreams,
        @DefaultValue("15s") @NotNull Duration heartbeat,
        @DefaultValue("10m") @NotNull Duration idleTimeout,
        @DefaultValue("2s") @NotNull Duration reconnectDelay,
        @DefaultValue("10s") @NotNull Duration busyRetryAfter) {
}
