package com.queenofsandiego.charter.publish;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where deploy goes. {@code local} (a directory) unless a bucket is named, then {@code aws}; endpoints can point the
 * AWS SDK at S3-compatible servers and stubs.
 *
 * @param stateBucket a private bucket for the ledger, lock and manifest; none keeps them in the site bucket
 * @param statePrefix their key prefix, {@code .charter/} by default
 */
public record TargetSettings(
        String target,
        Path localDirectory,
        Optional<String> bucket,
        Optional<String> region,
        Optional<URI> s3Endpoint,
        boolean pathStyle,
        Optional<String> distributionId,
        Optional<URI> cloudFrontEndpoint,
        Optional<String> stateBucket,
        String statePrefix) {

    public boolean isLocal() {
        return target.equals("local");
    }
}
