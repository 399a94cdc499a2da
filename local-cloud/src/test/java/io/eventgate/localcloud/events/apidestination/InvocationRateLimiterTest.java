package io.eventgate.localcloud.events.apidestination;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InvocationRateLimiterTest {

    private static final long MS = 1_000_000L;

    private final AtomicLong now = new AtomicLong(1_000 * MS);
    private final InvocationRateLimiter limiter = new InvocationRateLimiter(now::get);

    @Test
    void spacesABurstEvenlyInArrivalOrder() {
        assertThat(limiter.reserve(50, Long.MAX_VALUE)).hasValue(0);
        assertThat(limiter.reserve(50, Long.MAX_VALUE)).hasValue(20 * MS);
        assertThat(limiter.reserve(50, Long.MAX_VALUE)).hasValue(40 * MS);
    }

    @Test
    void givesNoSlotThatWouldComeAfterTheDeadlineAndKeepsItForTheNextCaller() {
        limiter.reserve(10, Long.MAX_VALUE);
        limiter.reserve(10, Long.MAX_VALUE);

        assertThat(limiter.reserve(10, 150 * MS)).isEmpty();
        assertThat(limiter.reserve(10, 250 * MS)).hasValue(200 * MS);
    }

    @Test
    void doesNotSaveUpSlotsWhileIdle() {
        limiter.reserve(10, Long.MAX_VALUE);
        now.addAndGet(5_000 * MS);

        assertThat(limiter.reserve(10, Long.MAX_VALUE)).hasValue(0);
        assertThat(limiter.reserve(10, Long.MAX_VALUE)).hasValue(100 * MS);
    }
}
