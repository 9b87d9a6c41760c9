package com.queenofsandiego.charter.publish;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeployLockTest {

    private static final Instant NOON = Instant.parse("2026-11-25T12:00:00Z");

    @TempDir
    Path work;

    @Test
    void aSecondDeployFailsFastNamingTheHolder() {
        DirectoryTarget target = new DirectoryTarget(work);
        try (DeployLock first = DeployLock.acquire(target, "run 41 (alice)", at(NOON), false)) {
            assertThat(first.holder().expires()).isEqualTo(NOON.plus(DeployLock.LIFETIME));

            assertThatThrownBy(() -> DeployLock.acquire(target, "run 42 (bob)", at(NOON.plusSeconds(60)), true))
                    .isInstanceOf(DeployLock.HeldException.class)
                    .hasMessageContaining("another deploy holds the lock on local directory")
                    .hasMessageContaining("run 41 (alice) since 2026-11-25T12:00:00Z (expires 2026-11-25T12:30:00Z)");
        }
        try (DeployLock again = DeployLock.acquire(target, "run 42 (bob)", at(NOON.plusSeconds(120)), false)) {
            assertThat(DeployLock.holder(target)).hasValueSatisfying(h -> assertThat(h.holder()).isEqualTo("run 42 (bob)"));
        }
        assertThat(DeployLock.holder(target)).isEmpty();
    }

    @Test
    void aStaleLockIsTakenOverOnlyWhenForced() {
        DirectoryTarget target = new DirectoryTarget(work);
        DeployLock.acquire(target, "run 41 (died)", at(NOON), false);
        Clock later = at(NOON.plus(DeployLock.LIFETIME).plus(Duration.ofMinutes(1)));

        assertThatThrownBy(() -> DeployLock.acquire(target, "run 42", later, false))
                .isInstanceOf(DeployLock.HeldException.class)
                .hasMessageContaining("is stale: run 41 (died)")
                .hasMessageContaining("-Dcharter.forceUnlock=true");

        try (DeployLock taken = DeployLock.acquire(target, "run 42", later, true)) {
            assertThat(DeployLock.holder(target)).hasValueSatisfying(h -> assertThat(h.holder()).isEqualTo("run 42"));
        }
    }

    private static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }
}
