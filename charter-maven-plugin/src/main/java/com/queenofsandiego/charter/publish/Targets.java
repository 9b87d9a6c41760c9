package com.queenofsandiego.charter.publish;

import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.CloudFrontClientBuilder;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

import java.util.Optional;

/** Opens the configured target and CDN: clients with the SDK's default credential and region chains. */
public final class Targets {

    private Targets() {
    }

    /** The target, where its deploy state is, the CDN (none for {@code aws} without a distribution) and what to close when done. */
    public record Connection(PublishTarget target, StateStore state, Optional<Cdn> cdn, AutoCloseable clients) implements AutoCloseable {

        @Override
        public void close() throws Exception {
            clients.close();
        }
    }

    public static Connection open(TargetSettings settings) {
        if (settings.isLocal()) {
            DirectoryTarget local = new DirectoryTarget(settings.localDirectory());
            return new Connection(local, StateStore.inSiteBucket(local, settings.statePrefix()),
                    Optional.of(new LocalCdn(settings.localDirectory())), () -> { });
        }
        if (!settings.target().equals("aws")) {
            throw new IllegalArgumentException("charter.target '" + settings.target() + "' is not a target: use local or aws");
        }
        String bucket = settings.bucket().orElseThrow(() -> new IllegalArgumentException(
                "charter.target=aws needs a bucket: set charter.s3.bucket"));
        S3ClientBuilder s3 = S3Client.builder().httpClientBuilder(ApacheHttpClient.builder()).forcePathStyle(settings.pathStyle());
        settings.region().map(Region::of).ifPresent(s3::region);
        settings.s3Endpoint().ifPresent(s3::endpointOverride);
        S3Client s3Client = s3.build();
        Optional<CloudFrontClient> cloudFront = settings.distributionId().map(id -> {
            CloudFrontClientBuilder builder = CloudFrontClient.builder().httpClientBuilder(ApacheHttpClient.builder())
                    .region(Region.AWS_GLOBAL);
            settings.cloudFrontEndpoint().ifPresent(builder::endpointOverride);
            return builder.build();
        });
        Optional<Cdn> cdn = cloudFront.map(client -> new CloudFrontCdn(client, settings.distributionId().get()));
        S3Target site = new S3Target(s3Client, bucket);
        StateStore state = settings.stateBucket().filter(stateBucket -> !stateBucket.equals(bucket))
                .map(stateBucket -> StateStore.separate(new S3Target(s3Client, stateBucket), settings.statePrefix()))
                .orElseGet(() -> StateStore.inSiteBucket(site, settings.statePrefix()));
        return new Connection(site, state, cdn, () -> {
            s3Client.close();
            cloudFront.ifPresent(CloudFrontClient::close);
        });
    }
}
