package io.eventgate.localcloud.events.apidestination;

import java.util.OptionalLong;
import java.util.function.LongSupplier;

/**
 * One destination's {@code InvocationRateLimitPerSecond}: invocations are spaced evenly, one slot every
 * {@code 1/rate} seconds. A caller reserves the next free slot and waits for it, so excess invocations queue in
 * the order they asked and none is dropped — unless its slot would come after the event's deadline (its maximum
 * age), in which case no slot is taken and the caller gives up.
 */
final class InvocationRateLimiter {

    private static final long SECOND = 1_000_000_000L;

    private final LongSupplier nanoTime;
    private long nextSlot; // guarded by this

    InvocationRateLimiter(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        this.nextSlot = nanoTime.getAsLong();
    }

    /**
     * Reserves the next slot.
     *
     * @param perSecond   the destination's current limit
     * @param maxWaitNanos how long the caller may wait at most
     * @return nanoseconds to wait before invoking, or empty when the slot would come too late
     */
    synchronized OptionalLong reserve(int perSecond, long maxWaitNanos) {
        long now = nanoTime.getAsLong();
        long slot = Math.max(now, nextSlot);
        long wait = slot - now;
        if (wait > maxWaitNanos) {
            return OptionalLong.empty();
        }
        nextSlot = slot + SECOND / perSecond;
        return OptionalLong.of(wait);
    }
}
