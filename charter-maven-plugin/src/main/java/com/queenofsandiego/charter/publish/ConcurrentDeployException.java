package com.queenofsandiego.charter.publish;

/** Another deploy changed the deploy state while this one ran (its lock was taken over): this one stops before its next write. */
public final class ConcurrentDeployException extends RuntimeException {

    public ConcurrentDeployException(String message) {
        super(message);
    }
}
