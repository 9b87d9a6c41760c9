package com.queenofsandiego.charter.deploy;

import com.queenofsandiego.charter.store.DirectoryStore;
import com.queenofsandiego.charter.store.StateStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeployLockTest {

    private static final Instant NOON = Instant.parse("2026-11-25T12:00:00Z");

    @TempDir
    Path work;

    @Test
    void aSecondDeployFailsFastNamingTheHolder() {
        DirectoryStore target = new DirectoryStore(work);
        try (DeployLock first = DeployLock.acquire(StateStore.in(target), "run 41 (alice)", at(NOON), false)) {
            assertThat(first.holder().expires()).isEqualTo(NOON.plus(DeployLock.LIFETIME));

            assertThatThrownBy(() ->
                            DeployLock.acquire(StateStore.in(target), "run 42 (bob)", at(NOON.plusSeconds(60)), true))
                    .isInstanceOf(DeployLock.HeldException.class)
                    .hasMessageContaining("another deploy holds the lock on local directory")
                    .hasMessageContaining("run 41 (alice) since 2026-11-25T12:00:00Z (expires 2026-11-25T12:30:00Z)");
        }
        try (DeployLock again =
                DeployLock.acquire(StateStore.in(target), "run 42 (bob)", at(NOON.plusSeconds(120)), false)) {
            assertThat(DeployLock.holder(StateStore.in(target)))
                    .hasValueSatisfying(h -> assertThat(h.holder()).isEqualTo("run 42 (bob)"));
        }
        assertThat(DeployLock.holder(StateStore.in(target))).isEmpty();
    }

    @Test
    void aStaleLockIsTakenOverOnlyWhenForced() {
        DirectoryStore target = new DirectoryStore(work);
        DeployLock.acquire(StateStore.in(target), "run 41 (died)", at(NOON), false);
        Clock later = at(NOON.plus(DeployLock.LIFETIME).plus(Duration.ofMinutes(1)));

        assertThatThrownBy(() -> DeployLock.acquire(StateStore.in(target), "run 42", later, false))
                .isInstanceOf(DeployLock.HeldException.class)
                .hasMessageContaining("is stale: run 41 (died)")
                .hasMessageContaining("-Dcharter.forceUnlock=true");

        try (DeployLock taken = DeployLock.acquire(StateStore.in(target), "run 42", later, true)) {
            assertThat(DeployLock.holder(StateStore.in(target)))
                    .hasValueSatisfying(h -> assertThat(h.holder()).isEqualTo("run 42"));
        }
    }

    @Test
    void everyConfirmationRenewsTheLockAndOneAfterATakeOverStops() {
        DirectoryStore target = new DirectoryStore(work);
        MovingClock clock = new MovingClock(NOON);
        DeployLock lock = DeployLock.acquire(StateStore.in(target), "run 41", clock, false);

        clock.now = NOON.plus(Duration.ofMinutes(1));
        lock.confirm();
        assertThat(DeployLock.holder(StateStore.in(target)).orElseThrow().expires())
                .isEqualTo(NOON.plus(Duration.ofMinutes(31)));

        clock.now = NOON.plus(Duration.ofMinutes(20));
        lock.confirm();
        assertThat(DeployLock.holder(StateStore.in(target)).orElseThrow().expires())
                .isEqualTo(NOON.plus(Duration.ofMinutes(50)));

        Clock muchLater = at(NOON.plus(Duration.ofMinutes(51)));
        DeployLock other = DeployLock.acquire(StateStore.in(target), "run 42", muchLater, true);
        clock.now = NOON.plus(Duration.ofMinutes(21));
        assertThatThrownBy(lock::confirm)
                .isInstanceOf(DeployLock.HeldException.class)
                .hasMessageContaining("was taken over by another deploy while this one ran");

        lock.close();
        assertThat(DeployLock.holder(StateStore.in(target)))
                .as("the other deploy's lock stays")
                .hasValueSatisfying(h -> assertThat(h.holder()).isEqualTo("run 42"));
        other.close();
        assertThat(DeployLock.holder(StateStore.in(target))).isEmpty();
    }

    @Test
    void twoProcessesRacingForTheLocalLockNeverBothWin() throws Exception {
        int rounds = 80;
        long start = System.currentTimeMillis() + 2_000;
        List<Process> racers = new ArrayList<>();
        for (String name : List.of("a", "b")) {
            racers.add(new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-cp",
                            System.getProperty("java.class.path"),
                            LockRace.class.getName(),
                            work.toString(),
                            Long.toString(start),
                            Integer.toString(rounds),
                            name)
                    .redirectErrorStream(true)
                    .start());
        }
        Map<Integer, Integer> winners = new TreeMap<>();
        for (Process racer : racers) {
            String output = new String(racer.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(racer.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(racer.exitValue()).as(output).isZero();
            output.lines()
                    .filter(line -> line.startsWith("won "))
                    .forEach(line -> winners.merge(Integer.parseInt(line.substring(4)), 1, Integer::sum));
        }
        assertThat(winners).as("rounds with a winner").hasSize(rounds);
        assertThat(winners.values()).as("winners per round").containsOnly(1);
    }

    /** A clock a test moves by hand. */
    private static final class MovingClock extends Clock {

        Instant now;

        MovingClock(Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }
}
