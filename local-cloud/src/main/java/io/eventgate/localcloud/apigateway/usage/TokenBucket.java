package io.eventgate.localcloud.apigateway.usage;

/**
 * A token bucket: holds at most {@code capacity} tokens, refilled at {@code ratePerSecond}; starts full, so a burst
 * up to the capacity passes at once.
 */
final class TokenBucket {

    private final double ratePerSecond;
    private final double capacity;
    private double tokens;
    private long lastNanos;

    TokenBucket(double ratePerSecond, int capacity, long nowNanos) {
        this.ratePerSecond = ratePerSecond;
        this.capacity = capacity;
        this.tokens = capacity;
        this.lastNanos = nowNanos;
    }

    synchronized boolean tryTake(long nowNanos) {
        if (nowNanos > lastNanos) {
            tokens = Math.min(capacity, tokens + (nowNanos - lastNanos) * ratePerSecond / 1e9);
            lastNanos = nowNanos;
        }
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }

    boolean sameSettings(double rate, int burst) {
        return rate == ratePerSecond && burst == capacity;
    }
}
