package com.queenofsandiego.charter.sandbox;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Switches that make the sandbox misbehave the way real servers do, to prove a deploy survives it: answer 500 or 429,
 * answer late, or do the work and then drop the connection before answering. Each switch skips some calls, then
 * affects some; JADA and SCC calls count alike, calls without the right secret not at all (they are answered 401). A
 * {@link Sandbox.RequestHook}, which {@link TestSandbox} installs.
 */
public final class Faults implements Sandbox.RequestHook {

    /** What happens to an affected call. */
    public sealed interface Fault {}

    /** Answer with this status (and {@code Retry-After} for 429) without doing anything. */
    public record Status(int status, int retryAfterSeconds) implements Fault {}

    /** Wait, then do the work and answer; longer than the client's timeout looks like a timeout that still succeeded. */
    public record Delay(Duration delay) implements Fault {}

    /** Do the work, then drop the connection before the answer is complete. */
    public record CommitThenDrop() implements Fault {}

    private record Switch(Fault fault, int skip, int times) {}

    private final Deque<Switch> switches = new ArrayDeque<>();
    private int calls;

    /** After {@code skip} further calls, the next {@code times} calls get {@code fault}. */
    public synchronized void inject(Fault fault, int skip, int times) {
        switches.add(new Switch(fault, skip, times));
    }

    public synchronized void clear() {
        switches.clear();
    }

    /** API calls seen so far. */
    public synchronized int calls() {
        return calls;
    }

    @Override
    public Sandbox.Response handle(Sandbox.Request request, Function<Sandbox.Request, Sandbox.Response> next) {
        if (!request.authorised()) {
            return next.apply(request);
        }
        Optional<Fault> fault = next();
        if (fault.isEmpty()) {
            return next.apply(request);
        }
        if (fault.get() instanceof Status status) {
            Map<String, String> headers = status.status() == 429
                    ? Map.of("Retry-After", Integer.toString(status.retryAfterSeconds()))
                    : Map.of();
            return new Sandbox.Response(
                    status.status(),
                    JsonNodeFactory.instance.objectNode().put("error", "injected fault: " + status.status()),
                    headers,
                    false);
        }
        if (fault.get() instanceof Delay delay) {
            TestSandbox.sleep(delay.delay());
            return next.apply(request);
        }
        return next.apply(request).dropped();
    }

    private synchronized Optional<Fault> next() {
        calls++;
        Switch first = switches.poll();
        if (first == null) {
            return Optional.empty();
        }
        if (first.skip() > 0) {
            switches.addFirst(new Switch(first.fault(), first.skip() - 1, first.times()));
            return Optional.empty();
        }
        if (first.times() > 1) {
            switches.addFirst(new Switch(first.fault(), 0, first.times() - 1));
        }
        return Optional.of(first.fault());
    }
}
