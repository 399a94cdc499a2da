package io.eventgate.carrier.report;

import java.time.Duration;
import java.util.Optional;

/** How one POST to the gateway ended. */
sealed interface GatewayResponse {

    /** 2xx: the gateway took the report, as the bus event {@code eventId} (null when the answer did not say). */
    record Accepted(int status, String eventId) implements GatewayResponse {
    }

    /** Network error, timeout, 408, 429 or 5xx: worth trying again, after {@code retryAfter} if the gateway said so. */
    record Retryable(String reason, Optional<Duration> retryAfter) implements GatewayResponse {
    }

    /** Any other status: the gateway refuses this report as it is; retrying would not help. */
    record Refused(String reason) implements GatewayResponse {
    }
}
