package com.queenofsandiego.charter.reconcile;

import java.time.Duration;

/**
 * How patient a client is: each call's timeout; how many times a transient failure (5xx, timeout, reset, 429) is
 * retried; the first backoff delay and its ceiling; the longest {@code Retry-After} worth waiting for.
 */
public record RetrySettings(
        Duration timeout, int retries, Duration firstDelay, Duration maxDelay, Duration maxRetryAfter) {

    public static final RetrySettings DEFAULT = new RetrySettings(
            Duration.ofSeconds(20), 4, Duration.ofMillis(500), Duration.ofSeconds(8), Duration.ofSeconds(120));
}
