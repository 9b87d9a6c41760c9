package com.queenofsandiego.charter.serve;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class SourceWatcherTest {

    @TempDir
    Path bookings;

    @Test
    void callsBackForChangesAndForFilesInNewFolders() throws Exception {
        Semaphore changes = new Semaphore(0);
        try (SourceWatcher watcher = new SourceWatcher(List.of(bookings))) {
            Thread thread = new Thread(() -> {
                try {
                    watcher.run(changes::release);
                } catch (InterruptedException stopped) {
                    Thread.currentThread().interrupt();
                }
            });
            thread.setDaemon(true);
            thread.start();

            Files.writeString(bookings.resolve("a.yaml"), "id: A");
            assertThat(changes.tryAcquire(10, TimeUnit.SECONDS))
                    .as("a change in the folder")
                    .isTrue();

            Files.createDirectories(bookings.resolve("2027"));
            assertThat(changes.tryAcquire(10, TimeUnit.SECONDS))
                    .as("a new folder")
                    .isTrue();
            Files.writeString(bookings.resolve("2027/b.yaml"), "id: B");
            assertThat(changes.tryAcquire(10, TimeUnit.SECONDS))
                    .as("a change in the new folder")
                    .isTrue();
        }
    }
}
