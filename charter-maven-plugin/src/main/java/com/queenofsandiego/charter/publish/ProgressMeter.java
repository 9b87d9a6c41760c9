package com.queenofsandiego.charter.publish;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * How far a long phase is, told at most once per interval rather than once per object:
 * "S3: uploaded 1200 of 20000 pages (3 MB of 48 MB)". Safe to advance from several threads.
 */
public final class ProgressMeter {

    public static final Duration INTERVAL = Duration.ofSeconds(5);

    private final String what;
    private final String unit;
    private final int total;
    private final long totalBytes;
    private final Consumer<String> progress;
    private final LongSupplier nanoTime;
    private long lastReport;
    private int done;
    private long bytes;

    /**
     * @param what e.g. "S3: uploaded", followed by "N of M" and the unit
     * @param totalBytes the bytes of all objects, or 0 when sizes do not matter
     */
    public ProgressMeter(
            String what, String unit, int total, long totalBytes, Consumer<String> progress, LongSupplier nanoTime) {
        this.what = what;
        this.unit = unit;
        this.total = total;
        this.totalBytes = totalBytes;
        this.progress = progress;
        this.nanoTime = nanoTime;
        this.lastReport = nanoTime.getAsLong();
    }

    /** One more object done, of this many bytes; tells how far the phase is when the interval has passed. */
    public synchronized void advance(long objectBytes) {
        done++;
        bytes += objectBytes;
        long now = nanoTime.getAsLong();
        if (now - lastReport >= INTERVAL.toNanos() && done < total) {
            lastReport = now;
            progress.accept(what + " " + done + " of " + total + " " + unit
                    + (totalBytes > 0 ? " (" + size(bytes) + " of " + size(totalBytes) + ")" : ""));
        }
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return (bytes + 512) / 1024 + " KB";
        }
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
