package com.queenofsandiego.charter.store;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/** Requests to the target, a few at once: the first failure is thrown as it is (an Error too), after the pool is stopped. */
public final class ParallelRequests {

    /** Requests in flight at once: enough to hide a round trip, few enough for any store. */
    static final int AT_ONCE = 8;

    private ParallelRequests() {}

    /** Each item's answer, in the items' order. */
    public static <T, R> Map<T, R> each(List<T> items, Function<T, R> request) {
        Map<T, R> answers = new LinkedHashMap<>();
        if (items.isEmpty()) {
            return answers;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(AT_ONCE, items.size()));
        try {
            Map<T, Future<R>> running = new LinkedHashMap<>();
            items.forEach(item -> running.put(item, pool.submit(() -> request.apply(item))));
            for (Map.Entry<T, Future<R>> entry : running.entrySet()) {
                answers.put(entry.getKey(), entry.getValue().get());
            }
            return answers;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the target", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
