package com.queenofsandiego.charter.deploy;

import com.queenofsandiego.charter.ConfigurationException;
import com.queenofsandiego.charter.publish.Cdn;
import com.queenofsandiego.charter.publish.CloudFrontCdn;
import com.queenofsandiego.charter.publish.LocalCdn;
import com.queenofsandiego.charter.store.DirectoryStore;
import com.queenofsandiego.charter.store.ObjectStore;
import com.queenofsandiego.charter.store.S3Store;
import com.queenofsandiego.charter.store.StateStore;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.CloudFrontClientBuilder;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

import java.util.Optional;

/**
 * Opens the configured target and CDN: one client each per run, with the SDK's default credential and region chains and
 * its standard retry mode, closed with the connection.
 */
public final class Targets {

    private Targets() {}

    /** The target, where its deploy state is, the CDN (none for {@code aws} without a distribution) and what to close when done. */
    public record Connection(ObjectStore target, StateStore state, Optional<Cdn> cdn, AutoCloseable clients)
            implements AutoCloseable {

        @Override
        public void close() throws Exception {
            clients.close();
        }
    }

    public static Connection open(TargetSettings settings) {
        if (settings.isLocal()) {
            DirectoryStore local = new DirectoryStore(settings.localDirectory());
            return new Connection(
                    local,
                    StateStore.inSiteBucket(local, settings.statePrefix()),
                    Optional.of(new LocalCdn(settings.localDirectory())),
                    local);
        }
        String bucket = settings.bucket()
                .orElseThrow(
                        () -> new ConfigurationException("charter.target=aws needs a bucket: set charter.s3.bucket"));
        S3Client s3Client = s3Client(settings);
        Optional<CloudFrontClient> cloudFront = settings.distributionId().map(id -> cloudFrontClient(settings));
        Optional<Cdn> cdn = cloudFront.map(
                client -> new CloudFrontCdn(client, settings.distributionId().get()));
        S3Store site = new S3Store(s3Client, bucket);
        StateStore state = settings.stateBucket()
                .filter(stateBucket -> !stateBucket.equals(bucket))
                .map(stateBucket -> StateStore.separate(new S3Store(s3Client, stateBucket), settings.statePrefix()))
                .orElseGet(() -> StateStore.inSiteBucket(site, settings.statePrefix()));
        return new Connection(site, state, cdn, () -> {
            s3Client.close();
            cloudFront.ifPresent(CloudFrontClient::close);
        });
    }

    /**
     * The one S3 client of a run, for the site and the state bucket. An S3-compatible server gets checksums only where
     * S3 requires them: since 2.30 the SDK adds CRC32 checksums (and trailers) to every upload by default, which many
     * such servers refuse or store wrongly; the site's objects still carry Content-MD5.
     */
    private static S3Client s3Client(TargetSettings settings) {
        S3ClientBuilder s3 = S3Client.builder()
                .httpClientBuilder(ApacheHttpClient.builder())
                .forcePathStyle(settings.pathStyle())
                .overrideConfiguration(Targets::standardRetries);
        settings.region().map(Region::of).ifPresent(s3::region);
        settings.s3Endpoint()
                .ifPresent(endpoint -> s3.endpointOverride(endpoint)
                        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED));
        return s3.build();
    }

    private static CloudFrontClient cloudFrontClient(TargetSettings settings) {
        CloudFrontClientBuilder cloudFront = CloudFrontClient.builder()
                .httpClientBuilder(ApacheHttpClient.builder())
                .region(Region.AWS_GLOBAL)
                .overrideConfiguration(Targets::standardRetries);
        settings.cloudFrontEndpoint().ifPresent(cloudFront::endpointOverride);
        return cloudFront.build();
    }

    /**
     * The retry mode AWS recommends, as AWS_RETRY_MODE=standard gives it: 3 attempts with jittered backoff, whatever the
     * machine's environment or profile says (the SDK's own default is the legacy mode).
     */
    private static void standardRetries(ClientOverrideConfiguration.Builder override) {
        override.retryStrategy(RetryMode.STANDARD);
    }
}
