package com.queenofsandiego.charter;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Work started on a thread of its own, so that what waits on files or the network and what waits on the CPU overlap;
 * collected with {@link #join}, which gives back what the work returned or throws what it threw, as it threw it.
 * Closing waits for the work to end, so nothing is left running after a failure elsewhere.
 *
 * @param <E> what the work may throw besides unchecked exceptions
 */
public final class BackgroundTask<T, E extends Exception> implements AutoCloseable {

    /** The work: returns a value or throws. */
    @FunctionalInterface
    public interface Work<T, E extends Exception> {
        T call() throws E;
    }

    private final FutureTask<T> task;
    private final Thread thread;

    private BackgroundTask(String name, Work<T, E> work) {
        this.task = new FutureTask<>(work::call);
        this.thread = new Thread(task, name);
        thread.setDaemon(true);
    }

    /** Starts {@code work} on a new daemon thread named {@code name}. */
    public static <T, E extends Exception> BackgroundTask<T, E> start(String name, Work<T, E> work) {
        BackgroundTask<T, E> started = new BackgroundTask<>(name, work);
        started.thread.start();
        return started;
    }

    /** Waits for the work to end; returns what it returned, or throws what it threw. */
    @SuppressWarnings("unchecked")
    public T join() throws E {
        close();
        try {
            return task.get();
        } catch (InterruptedException e) {
            throw new IllegalStateException("the task ended, yet waiting for it was interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException unchecked) {
                throw unchecked;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw (E) cause;
        }
    }

    /** Waits for the work to end, whatever its outcome; an interrupt meanwhile is kept for the caller to see. */
    @Override
    public void close() {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
