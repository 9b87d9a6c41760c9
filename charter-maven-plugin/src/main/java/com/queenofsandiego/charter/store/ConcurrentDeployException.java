package com.queenofsandiego.charter.store;

import com.queenofsandiego.charter.CharterException;

/** Another deploy changed the deploy state while this one ran (its lock was taken over): this one stops before its next write. */
public final class ConcurrentDeployException extends CharterException {

    public ConcurrentDeployException(String message) {
        super(message);
    }

    /** Two deploys at once is the users' doing (or CI's): the next run, alone, finishes the work. */
    @Override
    public boolean usersFault() {
        return true;
    }
}
