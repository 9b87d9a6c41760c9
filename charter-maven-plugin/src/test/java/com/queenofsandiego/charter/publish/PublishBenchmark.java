package com.queenofsandiego.charter.publish;

import com.queenofsandiego.charter.FileTrees;
import com.queenofsandiego.charter.store.DirectoryStore;
import com.queenofsandiego.charter.store.ObjectStore;
import com.queenofsandiego.charter.store.S3Store;
import com.queenofsandiego.charter.store.StateStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Prints the publishing figures for N objects (default 10,000): plan time against the local target and against an
 * S3-compatible server (s3proxy on 127.0.0.1, through the AWS SDK), the requests of an unchanged redeploy from a fresh
 * copy of the site (new file times), and of a redeploy after one page changed. Run by {@code bench/publish-bench.sh}.
 */
public final class PublishBenchmark {

    private PublishBenchmark() {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        Path work = Files.createTempDirectory("charter-publish-bench");
        try {
            Path site = site(work.resolve("site"), n);
            run("local", n, site, work, () -> new DirectoryStore(work.resolve("local")));
            try (S3Server s3 = new S3Server("bench")) {
                run("s3proxy", n, site, work, () -> new S3Store(s3.client(), "bench"));
            }
        } finally {
            try (Stream<Path> walk = Files.walk(work)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** @param targets a fresh view of the same target per deploy, so each counts its own requests */
    private static void run(String name, int n, Path site, Path work, Supplier<ObjectStore> targets)
            throws IOException {
        ObjectStore first = targets.get();
        Optional<Cdn> cdn = Optional.of(new LocalCdn(work.resolve("cdn-" + name)));
        String function = PublishPlanner.functionSource();
        PublishPlan initial =
                Plans.read(LocalTree.scan(site), first, StateStore.in(first), cdn, function, false, false);
        new Publisher(first, StateStore.in(first), cdn, line -> {}, () -> {}).apply(initial);

        Path fresh = FileTrees.copy(site, work.resolve("fresh-" + name));
        ObjectStore again = targets.get();
        long started = System.nanoTime();
        PublishPlan unchanged =
                Plans.read(LocalTree.scan(fresh), again, StateStore.in(again), cdn, function, false, false);
        long planMillis = (System.nanoTime() - started) / 1_000_000;
        new Publisher(again, StateStore.in(again), cdn, line -> {}, () -> {}).apply(unchanged);
        Map<String, Integer> unchangedRequests = again.requests();

        Files.writeString(fresh.resolve("g/page-42.html"), "<h1>changed</h1>");
        ObjectStore third = targets.get();
        PublishPlan oneChange =
                Plans.read(LocalTree.scan(fresh), third, StateStore.in(third), cdn, function, false, false);
        new Publisher(third, StateStore.in(third), cdn, line -> {}, () -> {}).apply(oneChange);

        System.out.printf(
                "%s, %d objects: plan of an unchanged site from a fresh copy %d ms; its deploy sent %s;"
                        + " one changed page: uploads %s, invalidation paths %s, bucket requests %s%n",
                name,
                n,
                planMillis,
                unchangedRequests,
                oneChange.uploads().stream().map(u -> u.object().key()).toList(),
                oneChange.invalidations(),
                third.requests());
    }

    private static Path site(Path site, int n) throws IOException {
        Files.createDirectories(site.resolve("g"));
        for (int i = 0; i < n / 2; i++) {
            Files.writeString(site.resolve("g/page-" + i + ".html"), "<h1>Trip " + i + "</h1>");
            Files.writeString(
                    site.resolve("g/page-" + i + ".ics"), "BEGIN:VCALENDAR\r\nUID:" + i + "\r\nEND:VCALENDAR\r\n");
        }
        return site;
    }
}
