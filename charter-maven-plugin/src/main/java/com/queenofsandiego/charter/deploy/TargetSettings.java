package com.queenofsandiego.charter.deploy;

import com.queenofsandiego.charter.ConfigurationException;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Where deploy goes. {@code local} (a directory) unless a bucket is named, then {@code aws}; endpoints can point the
 * AWS SDK at S3-compatible servers and stubs.
 *
 * @param stateBucket a private bucket for the ledger, lock and manifest; none keeps them in the site bucket
 * @param statePrefix their key prefix, {@code .charter/} by default
 */
public record TargetSettings(
        Kind target,
        Path localDirectory,
        Optional<String> bucket,
        Optional<String> region,
        Optional<URI> s3Endpoint,
        boolean pathStyle,
        Optional<String> distributionId,
        Optional<URI> cloudFrontEndpoint,
        Optional<String> stateBucket,
        String statePrefix) {

    /** The two places a site can go. */
    public enum Kind {
        LOCAL,
        AWS;

        /** {@code charter.target} as given: blank picks {@code aws} when a bucket is named, else {@code local}. */
        public static Kind parse(String value, boolean bucketNamed) {
            if (value == null || value.isBlank()) {
                return bucketNamed ? AWS : LOCAL;
            }
            return switch (value.strip().toLowerCase(Locale.ROOT)) {
                case "local" -> LOCAL;
                case "aws" -> AWS;
                default ->
                    throw new ConfigurationException(
                            "charter.target '" + value.strip() + "' is not a target: use local or aws");
            };
        }
    }

    public boolean isLocal() {
        return target == Kind.LOCAL;
    }
}
