package com.queenofsandiego.charter.serve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Watches the site's sources (bookings, content, theme) and calls back once per burst of changes, so an editor's
 * save-rename-delete dance triggers one re-render.
 */
public final class SourceWatcher implements AutoCloseable {

    private static final long QUIET_MILLIS = 200;

    private final WatchService watcher;
    private final List<Path> roots;

    public SourceWatcher(List<Path> roots) throws IOException {
        this.watcher = FileSystems.getDefault().newWatchService();
        this.roots = roots;
        for (Path root : roots) {
            registerTree(root);
        }
    }

    /** Blocks, calling {@code onChange} after each burst of changes, until closed or interrupted. */
    public void run(Runnable onChange) throws InterruptedException {
        try {
            while (true) {
                WatchKey key = watcher.take();
                drain(key);
                for (WatchKey more = watcher.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS);
                        more != null;
                        more = watcher.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS)) {
                    drain(more);
                }
                for (Path root : roots) {
                    registerTree(root);
                }
                onChange.run();
            }
        } catch (ClosedWatchServiceException closed) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void drain(WatchKey key) {
        key.pollEvents();
        key.reset();
    }

    /** New folders (a booking under a new year) are registered as they appear. */
    private void registerTree(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path directory : walk.filter(Files::isDirectory).toList()) {
                directory.register(
                        watcher,
                        StandardWatchEventKinds.ENTRY_CREATE,
                        StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
            }
        }
    }

    @Override
    public void close() throws IOException {
        watcher.close();
    }
}
