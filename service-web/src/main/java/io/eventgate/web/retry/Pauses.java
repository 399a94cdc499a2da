package io.eventgate.web.retry;

import java.time.Duration;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Exponential pauses, the one way both services compute them (outbox resends, the change feed's retries, the
 * carrier's report sender): Spring's {@link ExponentialBackOff}, doubling from {@code initial} up to {@code max}.
 * Retries here outlive a call (the count is stored with the record, or kept across a loop that never ends), so the
 * pause is asked for by the number of failures rather than by walking one execution.
 */
public final class Pauses {

    /** More doublings than any pause can take before it reaches {@code max} (a {@code Duration} in millis). */
    private static final int MAX_DOUBLINGS = 63;

    private Pauses() {
    }

    /** The pause after {@code failures} failures: {@code initial} after the first, doubled each time, at most {@code max}. */
    public static Duration after(int failures, Duration initial, Duration max) {
        ExponentialBackOff backOff = new ExponentialBackOff(initial.toMillis(), 2.0);
        backOff.setMaxInterval(max.toMillis());
        BackOffExecution execution = backOff.start();
        long pause = execution.nextBackOff();
        for (int i = 1; i < Math.min(failures, MAX_DOUBLINGS); i++) {
            pause = execution.nextBackOff();
        }
        return Duration.ofMillis(Math.min(pause, max.toMillis()));
    }
}
