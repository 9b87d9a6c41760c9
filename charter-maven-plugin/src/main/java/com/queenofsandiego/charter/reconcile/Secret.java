package com.queenofsandiego.charter.reconcile;

import com.queenofsandiego.charter.ConfigurationException;

/**
 * A token or key, with where it came from. Its {@code toString} hides it, so a secret that reaches a log line by mistake
 * still does not show.
 *
 * @param source e.g. "the environment variable CHARTER_JADA_TOKEN", for messages
 */
public record Secret(String value, String source) {

    public Secret {
        if (value == null || value.isBlank()) {
            throw new ConfigurationException("a secret from " + source + " is empty");
        }
        // A secret travels in an HTTP header, which cannot carry these; the JDK would refuse it with the value in its
        // message.
        if (value.chars().anyMatch(c -> c < 0x20 || c == 0x7F)) {
            throw new ConfigurationException(source + " holds a control character (a trailing newline?); remove it");
        }
        if (value.chars().anyMatch(c -> c > 0x7F)) {
            throw new ConfigurationException(
                    source + " holds a non-ASCII character, which an HTTP header cannot carry; remove it");
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
