package com.queenofsandiego.charter.publish;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where deploy goes. {@code local} (a directory) unless a bucket is named, then {@code aws}; endpoints can point the
 * AWS SDK at S3-compatible servers and stubs.
 */
public record TargetSettings(
        String target,
        Path localDirectory,
        Optional<String> bucket,
        Optional<String> region,
        Optional<URI> s3Endpoint,
        boolean pathStyle,
        Optional<String> distributionId,
        Optional<URI> cloudFrontEndpoint) {

    public boolean isLocal() {
        return target.equals("local");
    }
}
