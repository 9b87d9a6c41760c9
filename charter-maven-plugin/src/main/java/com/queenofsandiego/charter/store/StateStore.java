package com.queenofsandiego.charter.store;

import com.queenofsandiego.charter.ConfigurationException;

import java.util.regex.Pattern;

/**
 * Where deploy keeps its own records (manifest, ledger, lock): a store and a key prefix. By default the site bucket
 * under {@code .charter/}, which the CloudFront function hides; a separate private bucket keeps them off every public
 * path even when the function is not associated.
 */
public record StateStore(ObjectStore store, String prefix) {

    public static final String DEFAULT_PREFIX = ObjectStore.PRIVATE_PREFIX;
    private static final Pattern PREFIX = Pattern.compile("([A-Za-z0-9._-]+/)+");

    public StateStore {
        if (!PREFIX.matcher(prefix).matches() || prefix.contains("../") || prefix.startsWith("./")) {
            throw new ConfigurationException("charter.state.prefix '" + prefix
                    + "' is not a key prefix: use letters, digits," + " . _ - and /, ending with /, e.g. .charter/");
        }
    }

    /** The records in the site's own target, under {@code .charter/}. */
    public static StateStore in(ObjectStore site) {
        return new StateStore(site, DEFAULT_PREFIX);
    }

    /**
     * The records in the site bucket under {@code prefix}: only below {@code .charter/}, the one path the function keeps
     * private and the listing ignores.
     */
    public static StateStore inSiteBucket(ObjectStore site, String prefix) {
        String normalised = normalise(prefix);
        if (!normalised.startsWith(ObjectStore.PRIVATE_PREFIX)) {
            throw new ConfigurationException(
                    "charter.state.prefix '" + prefix + "' would put the ledger, lock and manifest at a"
                            + " public path of the site bucket; only keys under .charter/ are hidden by the CloudFront function. Use a"
                            + " prefix under .charter/, or set charter.state.bucket to a private bucket (recommended)");
        }
        return new StateStore(site, normalised);
    }

    /** The records in a bucket of their own, under any prefix. */
    public static StateStore separate(ObjectStore state, String prefix) {
        return new StateStore(state, normalise(prefix));
    }

    public String key(String name) {
        return prefix + name;
    }

    /** "s3://bucket/.charter/", for messages. */
    public String describe() {
        return store.describe() + " (" + prefix + ")";
    }

    private static String normalise(String prefix) {
        String trimmed = prefix.strip();
        while (trimmed.startsWith("/")) {
            trimmed = trimmed.substring(1);
        }
        return trimmed.endsWith("/") ? trimmed : trimmed + "/";
    }
}
