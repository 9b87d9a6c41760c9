package com.queenofsandiego.charter;

/** A setting that cannot be used as given; the message names the property and a value that works. */
public final class ConfigurationException extends CharterException {

    public ConfigurationException(String message) {
        super(message);
    }

    @Override
    public boolean usersFault() {
        return true;
    }
}
