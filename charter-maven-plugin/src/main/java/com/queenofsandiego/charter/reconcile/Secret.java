package com.queenofsandiego.charter.reconcile;

/**
 * A token or key, with where it came from. Its {@code toString} hides it, so a secret that reaches a log line by mistake
 * still does not show.
 *
 * @param source e.g. "the environment variable CHARTER_JADA_TOKEN", for messages
 */
public record Secret(String value, String source) {

    public Secret {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a secret from " + source + " is empty");
        }
    }

    /** Removes the secret from a text that came from elsewhere, such as a server's error message. */
    public String redact(String text) {
        return text == null ? "" : text.replace(value, "****");
    }

    @Override
    public String toString() {
        return "secret from " + source;
    }
}
