package com.queenofsandiego.charter.publish;

import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import java.net.URI;
import java.util.function.Consumer;

/** An S3-compatible server (s3proxy, in memory) on 127.0.0.1, and a real SDK client for it. */
public final class S3Server implements AutoCloseable {

    public static final String ACCESS_KEY = "charter-test";
    public static final String SECRET_KEY = "charter-test-secret";

    private final S3Proxy proxy;
    private final S3Client client;

    public S3Server(String... buckets) throws Exception {
        proxy = S3Proxy.builder()
                .blobStore(new TransientNio2BlobStore())
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .endpoint(URI.create("http://127.0.0.1:0"))
                .build();
        proxy.start();
        while (!proxy.getState().equals("STARTED")) {
            Thread.sleep(10);
        }
        client = client(override -> {});
        for (String bucket : buckets) {
            client.createBucket(r -> r.bucket(bucket));
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    public S3Client client() {
        return client;
    }

    /** A new client for it, configured further by {@code override}: the caller closes it. */
    public S3Client client(Consumer<ClientOverrideConfiguration.Builder> override) {
        return S3Client.builder()
                .httpClientBuilder(ApacheHttpClient.builder())
                .endpointOverride(endpoint())
                .region(Region.US_WEST_2)
                .forcePathStyle(true)
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .overrideConfiguration(override)
                .build();
    }

    @Override
    public void close() throws Exception {
        client.close();
        proxy.stop();
    }
}
