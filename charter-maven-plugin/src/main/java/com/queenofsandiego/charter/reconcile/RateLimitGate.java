package com.queenofsandiego.charter.reconcile;

import java.time.Duration;

/**
 * Holds every caller of one system while it is rate limited: a 429's {@code Retry-After} applies to the client, not
 * only to the call that saw it, so no worker sends anything until it has passed.
 */
final class RateLimitGate {

    private long openAt = System.nanoTime();

    /** Closes the gate for {@code wait} from now, unless it is already closed for longer. */
    synchronized void closeFor(Duration wait) {
        long until = System.nanoTime() + wait.toNanos();
        if (until - openAt > 0) {
            openAt = until;
        }
    }

    /** Returns once the gate is open. */
    void pass() throws InterruptedException {
        while (true) {
            long wait;
            synchronized (this) {
                wait = openAt - System.nanoTime();
            }
            if (wait <= 0) {
                return;
            }
            Thread.sleep(Math.max(1, wait / 1_000_000));
        }
    }
}
