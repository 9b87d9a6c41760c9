package com.queenofsandiego.charter.reconcile;

import com.queenofsandiego.charter.CharterException;

import java.util.Optional;

/** A call to JADA or SCC that did not succeed and will not by retrying; the message says what to do. */
public final class RemoteException extends CharterException {

    /** Whose fault it is: credentials and refused bodies are the user's to fix; an unavailable system is no one's. */
    public enum Kind {
        CREDENTIALS,
        REFUSED,
        UNAVAILABLE
    }

    private final Kind kind;
    private final String file;
    private final String reason;

    public RemoteException(Kind kind, String message) {
        this(kind, null, message, null);
    }

    private RemoteException(Kind kind, String file, String reason, Throwable cause) {
        super(file == null ? reason : file + ": " + reason, cause);
        this.kind = kind;
        this.file = file;
        this.reason = reason;
    }

    public Kind kind() {
        return kind;
    }

    /** Credentials and refused bodies are the user's to fix; an unavailable system is no one's. */
    @Override
    public boolean usersFault() {
        return kind != Kind.UNAVAILABLE;
    }

    /** The booking file the failure concerns, when it concerns one. */
    @Override
    public Optional<String> file() {
        return Optional.ofNullable(file);
    }

    /** The message without the file. */
    @Override
    public String reason() {
        return reason;
    }

    /** The same failure, about the booking file it concerns. */
    public RemoteException in(String bookingFile) {
        return new RemoteException(kind, bookingFile, reason, this);
    }
}
