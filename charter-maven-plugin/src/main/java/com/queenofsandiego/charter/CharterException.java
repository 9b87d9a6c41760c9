package com.queenofsandiego.charter;

import java.util.Optional;

/**
 * A run that cannot go on, with a message for the person who started it. The Mojos map the whole family once: the
 * user's to fix (bad settings, a refused plan, a held lock, a refused request) fails the build; anything else is an error.
 */
public abstract class CharterException extends RuntimeException {

    protected CharterException(String message) {
        super(message);
    }

    protected CharterException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Whether the user can fix it (settings, input, credentials, a limit), as opposed to an outage or a defect. */
    public abstract boolean usersFault();

    /** The message without the file it concerns, for an annotation that names the file itself. */
    public String reason() {
        return getMessage();
    }

    /** The booking file it concerns, when it concerns one, for an annotation on that file. */
    public Optional<String> file() {
        return Optional.empty();
    }
}
