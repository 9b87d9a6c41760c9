package com.queenofsandiego.charter.publish;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressMeterTest {

    @Test
    void tellsHowFarAtMostOncePerIntervalAndNotWhenDone() {
        AtomicLong now = new AtomicLong();
        List<String> lines = new ArrayList<>();
        ProgressMeter meter = new ProgressMeter("S3: uploaded", "pages", 1000, 1000 * 2048L, lines::add, now::get);

        for (int i = 0; i < 999; i++) {
            now.addAndGet(ProgressMeter.INTERVAL.toNanos() / 100);
            meter.advance(2048);
        }
        meter.advance(2048);

        assertThat(lines)
                .containsExactly(
                        "S3: uploaded 100 of 1000 pages (200 KB of 2.0 MB)",
                        "S3: uploaded 200 of 1000 pages (400 KB of 2.0 MB)",
                        "S3: uploaded 300 of 1000 pages (600 KB of 2.0 MB)",
                        "S3: uploaded 400 of 1000 pages (800 KB of 2.0 MB)",
                        "S3: uploaded 500 of 1000 pages (1000 KB of 2.0 MB)",
                        "S3: uploaded 600 of 1000 pages (1.2 MB of 2.0 MB)",
                        "S3: uploaded 700 of 1000 pages (1.4 MB of 2.0 MB)",
                        "S3: uploaded 800 of 1000 pages (1.6 MB of 2.0 MB)",
                        "S3: uploaded 900 of 1000 pages (1.8 MB of 2.0 MB)");
    }
}
