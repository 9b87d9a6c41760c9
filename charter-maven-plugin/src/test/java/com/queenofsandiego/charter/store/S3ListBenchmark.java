package com.queenofsandiego.charter.store;

import com.queenofsandiego.charter.booking.Slugs;
import com.queenofsandiego.charter.publish.S3Server;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * Prints how long listing a bucket of N objects (default 20,000: a page and a calendar for each of N/2 bookings) takes
 * one page after another from the start, and with {@link S3Store#list()}: on s3proxy on 127.0.0.1, then with a round
 * trip of S3's order (100 ms) added to every request. Run with {@code bench/list-bench.sh}.
 */
public final class S3ListBenchmark {

    private static final String BUCKET = "bench";
    private static final long ROUND_TRIP_MILLIS = 100;

    private S3ListBenchmark() {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        try (S3Server s3 = new S3Server(BUCKET);
                S3Client far = s3.client(override -> override.addExecutionInterceptor(new RoundTrip()))) {
            List<String> keys = new ArrayList<>(List.of("index.html", "sitemap.xml", "robots.txt", "assets/site.css"));
            IntStream.range(0, n / 2).mapToObj(i -> Slugs.random()).forEach(slug -> {
                keys.add("g/" + slug + ".html");
                keys.add("g/" + slug + ".ics");
            });
            long filling = System.nanoTime();
            ParallelRequests.each(
                    keys, key -> s3.client().putObject(r -> r.bucket(BUCKET).key(key), RequestBody.fromString(key)));
            System.out.printf("%d objects put in %d ms%n", keys.size(), (System.nanoTime() - filling) / 1_000_000);
            for (S3Client client : List.of(s3.client(), far)) {
                String where = client == far ? "+" + ROUND_TRIP_MILLIS + " ms a request" : "s3proxy";
                time(where, "one page after another", () -> S3StoreListTest.everyPublicObject(client, BUCKET));
                time(where, "S3Store.list()", () -> new S3Store(client, BUCKET).list());
            }
        }
    }

    private static void time(String where, String how, Supplier<Map<String, String>> list) {
        list.get();
        long best = Long.MAX_VALUE;
        int objects = 0;
        for (int run = 0; run < 3; run++) {
            long start = System.nanoTime();
            objects = list.get().size();
            best = Math.min(best, System.nanoTime() - start);
        }
        System.out.printf("%-18s %-24s %6d objects  best of 3: %6d ms%n", where, how, objects, best / 1_000_000);
    }

    /** A round trip to S3 from afar, which a server on 127.0.0.1 does not have. */
    private static final class RoundTrip implements ExecutionInterceptor {
        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            try {
                Thread.sleep(ROUND_TRIP_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
