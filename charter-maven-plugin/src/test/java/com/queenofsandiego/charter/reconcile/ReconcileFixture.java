package com.queenofsandiego.charter.reconcile;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.queenofsandiego.charter.booking.Booking;
import com.queenofsandiego.charter.deploy.DeleteLimit;
import com.queenofsandiego.charter.deploy.DeployLock;
import com.queenofsandiego.charter.deploy.DeployPlan;
import com.queenofsandiego.charter.deploy.Deployment;
import com.queenofsandiego.charter.sandbox.TestSandbox;
import com.queenofsandiego.charter.source.Origin;
import com.queenofsandiego.charter.store.DirectoryStore;
import com.queenofsandiego.charter.store.ObjectStore;
import com.queenofsandiego.charter.store.StateStore;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A deploy of bookings to the local target with JADA and SCC in a sandbox on 127.0.0.1, over real HTTP, with the
 * clients' patience shortened so retries take milliseconds.
 */
final class ReconcileFixture implements AutoCloseable {

    static final String JADA_TOKEN = "jada-token-5f1c0e8a9b";
    static final String SCC_KEY = "scc-key-77d2e41f03";
    static final RetrySettings FAST = new RetrySettings(
            Duration.ofMillis(400), 4, Duration.ofMillis(5), Duration.ofMillis(40), Duration.ofSeconds(5));

    private static final ObjectMapper JSON = new ObjectMapper();

    final Path root;
    final TestSandbox sandbox;
    /** The JADA and SCC deploys talk to: {@link #sandbox} unless a test points them at another. */
    TestSandbox remote;
    /** Whether plans read JADA and SCC (charter.refresh). */
    boolean refresh;

    final List<String> progress = Collections.synchronizedList(new ArrayList<>());
    Clock clock = Clock.systemUTC();
    /** One change at a time unless a test says otherwise: most tests name ids and count calls in the order they are made. */
    int concurrency = 1;
    /** The plan the last deploy applied, with its ledger and what that ledger wrote. */
    DeployPlan applied;

    ReconcileFixture(Path root) throws IOException {
        this(root, Duration.ZERO);
    }

    /** @param latency how long the sandbox takes to answer each call */
    ReconcileFixture(Path root, Duration latency) throws IOException {
        this.root = root;
        Files.createDirectories(root.resolve("site"));
        this.sandbox = TestSandbox.start(root.resolve("sandbox"), 0, JADA_TOKEN, SCC_KEY, latency);
        this.remote = sandbox;
    }

    static Booking booking(String id, String date, String start, String end, List<String> crew, String notes) {
        return new Booking(
                id,
                Booking.Source.BOATSETTER,
                Booking.Status.CONFIRMED,
                "slug-" + id.toLowerCase(),
                Booking.defaultTitle(
                        Duration.between(LocalTime.parse(start), LocalTime.parse(end)), Booking.Source.BOATSETTER),
                LocalDate.parse(date),
                LocalTime.parse(start),
                LocalTime.parse(end),
                new Booking.Guest("Guest " + id, Optional.of(4), Optional.empty(), Optional.empty()),
                crew,
                Optional.ofNullable(notes),
                Optional.empty(),
                true,
                new Origin("bookings/" + id + ".yaml", Path.of("bookings/" + id + ".yaml"), Map.of()));
    }

    static Booking booking(String id) {
        return booking(id, "2026-06-01", "10:00", "13:00", List.of("maria_lopez"), null);
    }

    ObjectStore target() {
        return new DirectoryStore(root.resolve("local"));
    }

    Map<RemoteSystem, RemoteClient> clients(String jadaToken, String sccKey, RetrySettings retry) {
        Map<RemoteSystem, RemoteClient> clients = new EnumMap<>(RemoteSystem.class);
        URI base = remote.baseUri();
        clients.put(
                RemoteSystem.JADA,
                new RemoteClient(RemoteSystem.JADA, base, new Secret(jadaToken, "the test's JADA token"), retry));
        clients.put(
                RemoteSystem.SCC,
                new RemoteClient(RemoteSystem.SCC, base, new Secret(sccKey, "the test's SCC key"), retry));
        return clients;
    }

    Map<RemoteSystem, RemoteClient> clients() {
        return clients(JADA_TOKEN, SCC_KEY, FAST);
    }

    Deployment deployment(ObjectStore target) {
        return deployment(target, progress::add);
    }

    Deployment deployment(ObjectStore target, Consumer<String> progress) {
        Map<RemoteSystem, String> systems = new EnumMap<>(RemoteSystem.class);
        systems.put(RemoteSystem.JADA, remote.baseUri().toString());
        systems.put(RemoteSystem.SCC, remote.baseUri().toString());
        return new Deployment(target, StateStore.in(target), Optional.empty(), false, refresh, systems, progress);
    }

    DeployPlan plan(List<Booking> bookings) {
        return deployment(target()).plan(root.resolve("site"), bookings, clients(), concurrency);
    }

    /** What charter:deploy does: take the lock, plan, apply, release. */
    Deployment.Result deploy(List<Booking> bookings) {
        return deploy(target(), bookings, clients(), 10, false);
    }

    Deployment.Result deploy(
            ObjectStore target,
            List<Booking> bookings,
            Map<RemoteSystem, RemoteClient> clients,
            int maxDeletes,
            boolean forceUnlock) {
        try (DeployLock lock = DeployLock.acquire(StateStore.in(target), "test", clock, forceUnlock)) {
            Deployment deployment = deployment(target);
            applied = deployment.plan(root.resolve("site"), bookings, clients, concurrency);
            return deployment.apply(applied, clients, new DeleteLimit(maxDeletes), concurrency, lock::confirm);
        }
    }

    /** Every entry in {@code system}, for assertions. */
    List<Map<String, Object>> entries(RemoteSystem system) {
        return remote.store(system).entries().stream()
                .map(e -> JSON.<Map<String, Object>>convertValue(e, new TypeReference<>() {}))
                .toList();
    }

    @Override
    public void close() {
        // On Java 17 HttpServer.stop waits about a second for its dispatcher; nothing here depends on that.
        Thread closing = new Thread(sandbox::close, "close-sandbox");
        closing.setDaemon(true);
        closing.start();
    }
}
