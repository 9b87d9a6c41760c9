package com.queenofsandiego.charter.sandbox;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import java.net.URI;

/** Production's SigV4 links ({@link PhotoUploadLinks}) for a path-style bucket on 127.0.0.1, with test credentials; nothing listens there. */
final class LocalPresigner implements AutoCloseable {

    private final S3Presigner presigner = S3Presigner.builder()
            .region(Region.US_WEST_2)
            .endpointOverride(URI.create("http://127.0.0.1:9999"))
            .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "not-a-real-secret")))
            .build();

    PhotoUploadLinks links() {
        return new PhotoUploadLinks(presigner, "guest-photos");
    }

    @Override
    public void close() {
        presigner.close();
    }
}
