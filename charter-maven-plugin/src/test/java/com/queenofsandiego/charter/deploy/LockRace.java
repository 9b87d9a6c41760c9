package com.queenofsandiego.charter.deploy;

import com.queenofsandiego.charter.store.DirectoryStore;
import com.queenofsandiego.charter.store.StateStore;

import java.nio.file.Path;
import java.time.Clock;

/**
 * One of two processes racing for fresh local deploy locks: round {@code i} starts at {@code start + i * 25 ms} in
 * both, so the two acquisitions of a round overlap; prints the rounds this process won.
 */
public final class LockRace {

    private LockRace() {}

    public static void main(String[] args) throws InterruptedException {
        Path root = Path.of(args[0]);
        long start = Long.parseLong(args[1]);
        int rounds = Integer.parseInt(args[2]);
        for (int round = 0; round < rounds; round++) {
            long wait = start + round * 25L - System.currentTimeMillis();
            if (wait > 0) {
                Thread.sleep(wait);
            }
            try {
                DeployLock.acquire(
                        StateStore.in(new DirectoryStore(root.resolve("round-" + round))),
                        args[3],
                        Clock.systemUTC(),
                        false);
                System.out.println("won " + round);
            } catch (DeployLock.HeldException e) {
                System.out.println("lost " + round);
            }
        }
    }
}
