package com.queenofsandiego.charter.store;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts the requests a target sends, by kind. */
public final class RequestCounter {

    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

    public void count(String kind) {
        counts.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
    }

    public Map<String, Integer> snapshot() {
        Map<String, Integer> snapshot = new TreeMap<>();
        counts.forEach((kind, count) -> snapshot.put(kind, count.get()));
        return snapshot;
    }
}
