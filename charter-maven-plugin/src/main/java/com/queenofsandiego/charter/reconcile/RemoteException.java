package com.queenofsandiego.charter.reconcile;

/** A call to JADA or SCC that did not succeed and will not by retrying; the message says what to do. */
public final class RemoteException extends RuntimeException {

    /** Whose fault it is: credentials and refused bodies are the user's to fix; an unavailable system is no one's. */
    public enum Kind { CREDENTIALS, REFUSED, UNAVAILABLE }

    private final Kind kind;

    public RemoteException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public RemoteException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** The same failure, its message prefixed with the booking file it concerns. */
    public RemoteException in(String file) {
        return new RemoteException(kind, file + ": " + getMessage(), getCause() == null ? this : getCause());
    }
}
