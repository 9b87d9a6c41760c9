package com.queenofsandiego.charter.reconcile;

import com.queenofsandiego.charter.ConfigurationException;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * What a refresh read from JADA and SCC: per system and booking, every entry whose {@code external_id} is the booking
 * id. The contract has no read by id, so each booking costs one {@code GET ?external_id=}.
 */
public record LiveEntries(Map<RemoteSystem, Map<String, List<RemoteEntry>>> found) {

    public LiveEntries {
        Map<RemoteSystem, Map<String, List<RemoteEntry>>> copy = new EnumMap<>(RemoteSystem.class);
        found.forEach((system, entries) -> copy.put(system, Map.copyOf(entries)));
        found = copy;
    }

    /**
     * Reads the {@code bookings} of each system with up to {@code concurrency} calls in flight; the first failure
     * (credentials, an unavailable system) is thrown and the reads not yet made are dropped: reading changes nothing.
     */
    public static LiveEntries read(
            Map<RemoteSystem, RemoteClient> clients, Map<RemoteSystem, List<String>> bookings, int concurrency) {
        if (concurrency < 1) {
            throw new ConfigurationException("charter.concurrency must be at least 1, not " + concurrency);
        }
        record Read(RemoteSystem system, String bookingId, Future<List<RemoteEntry>> entries) {}
        ExecutorService workers = Executors.newFixedThreadPool(concurrency, task -> {
            Thread thread = new Thread(task, "charter-refresh");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Read> reads = new ArrayList<>();
            bookings.forEach((system, ids) -> {
                RemoteClient client = clients.get(system);
                ids.forEach(id -> reads.add(new Read(system, id, workers.submit(() -> client.find(id)))));
            });
            Map<RemoteSystem, Map<String, List<RemoteEntry>>> found = new EnumMap<>(RemoteSystem.class);
            for (Read read : reads) {
                found.computeIfAbsent(read.system(), s -> new TreeMap<>())
                        .put(read.bookingId(), read.entries().get());
            }
            return new LiveEntries(found);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemoteException(
                    RemoteException.Kind.UNAVAILABLE, "interrupted while refreshing from JADA and SCC");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            workers.shutdownNow();
        }
    }

    /** The entries read for a booking; empty when it was not read. */
    public Optional<List<RemoteEntry>> of(RemoteSystem system, String bookingId) {
        return Optional.ofNullable(found.get(system)).map(entries -> entries.get(bookingId));
    }
}
