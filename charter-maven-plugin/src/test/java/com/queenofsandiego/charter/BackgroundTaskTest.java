package com.queenofsandiego.charter;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackgroundTaskTest {

    @Test
    void runsOnItsOwnThreadAndGivesBackWhatTheWorkReturned() throws Exception {
        AtomicReference<String> ranOn = new AtomicReference<>();
        try (BackgroundTask<Integer, RuntimeException> task = BackgroundTask.start("charter-test-task", () -> {
            ranOn.set(Thread.currentThread().getName());
            return 42;
        })) {
            assertThat(task.join()).isEqualTo(42);
        }
        assertThat(ranOn).hasValue("charter-test-task");
    }

    @Test
    void throwsWhatTheWorkThrewAsItThrewIt() {
        IOException checked = new IOException("bookings/a.yaml: unreadable");
        BackgroundTask<String, IOException> failing = BackgroundTask.start("charter-test-task", () -> {
            throw checked;
        });
        assertThatThrownBy(failing::join).isSameAs(checked);

        IllegalStateException unchecked = new IllegalStateException("manifest unreadable");
        BackgroundTask<String, RuntimeException> failingUnchecked = BackgroundTask.start("charter-test-task", () -> {
            throw unchecked;
        });
        assertThatThrownBy(failingUnchecked::join).isSameAs(unchecked);
    }

    @Test
    void closingWaitsForTheWorkToEnd() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean finished = new AtomicBoolean();
        BackgroundTask<Void, InterruptedException> task = BackgroundTask.start("charter-test-task", () -> {
            started.countDown();
            Thread.sleep(200);
            finished.set(true);
            return null;
        });
        started.await();
        task.close();
        assertThat(finished).isTrue();
    }

    @Test
    void anInterruptWhileWaitingIsKeptForTheCaller() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        BackgroundTask<String, InterruptedException> task = BackgroundTask.start("charter-test-task", () -> {
            release.await();
            return "done";
        });
        Thread.currentThread().interrupt();
        Thread releaser = new Thread(() -> {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            release.countDown();
        });
        releaser.start();
        try {
            assertThat(task.join()).isEqualTo("done");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
            releaser.join();
        }
    }
}
