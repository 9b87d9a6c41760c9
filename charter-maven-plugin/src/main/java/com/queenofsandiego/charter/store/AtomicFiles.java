package com.queenofsandiego.charter.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Files replaced whole: a reader sees the old content or the new, never part of either, even if the writer dies. */
public final class AtomicFiles {

    private AtomicFiles() {}

    /** Writes {@code content} beside {@code file}, then moves it into place; nothing is left behind on a failure. */
    public static void replace(Path file, byte[] content) throws IOException {
        replace(file, temporary -> Files.write(temporary, content));
    }

    /** Copies {@code from} beside {@code file}, then moves it into place; nothing is left behind on a failure. */
    public static void replaceWithCopy(Path file, Path from) throws IOException {
        replace(file, temporary -> Files.copy(from, temporary, StandardCopyOption.REPLACE_EXISTING));
    }

    private interface Filling {
        void fill(Path temporary) throws IOException;
    }

    private static void replace(Path file, Filling filling) throws IOException {
        Files.createDirectories(file.getParent());
        Path temporary =
                Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try {
            filling.fill(temporary);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
