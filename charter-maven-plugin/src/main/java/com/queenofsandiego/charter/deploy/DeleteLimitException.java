package com.queenofsandiego.charter.deploy;

import com.queenofsandiego.charter.CharterException;

/** A plan that deletes more than {@code charter.maxDeletes} allows: refused before anything changes. */
public final class DeleteLimitException extends CharterException {

    DeleteLimitException(String message) {
        super(message);
    }

    @Override
    public boolean usersFault() {
        return true;
    }
}
