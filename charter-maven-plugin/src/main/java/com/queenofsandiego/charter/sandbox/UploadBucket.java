package com.queenofsandiego.charter.sandbox;

import org.gaul.s3proxy.CrossOriginResourceSharing;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * The local stand-in for the photo bucket: an S3-compatible server (s3proxy) on 127.0.0.1 storing objects as files
 * under a directory, with CORS letting the preview's pages PUT to it, and a presigner for its links.
 */
public final class UploadBucket implements AutoCloseable {

    public static final String BUCKET = "guest-photos";

    private final S3Proxy proxy;
    private final S3Presigner presigner;
    private final Path directory;

    private UploadBucket(S3Proxy proxy, S3Presigner presigner, Path directory) {
        this.proxy = proxy;
        this.presigner = presigner;
        this.directory = directory;
    }

    /** Starts the server; {@code pageOrigin} (e.g. http://127.0.0.1:8080) may PUT to it from a browser. */
    public static UploadBucket start(Path directory, String pageOrigin) throws Exception {
        Files.createDirectories(directory.resolve(BUCKET));
        // Credentials for this process only: the server and the presigner agree on them, nothing else uses them.
        String identity = "charter-sandbox";
        String credential = UUID.randomUUID().toString();
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(new FilesystemNio2BlobStore(directory.toAbsolutePath().toString()))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, identity, credential)
                .endpoint(URI.create("http://127.0.0.1:0"))
                .corsRules(new CrossOriginResourceSharing(List.of(pageOrigin), List.of("PUT"), List.of("content-type"),
                        List.of("etag"), "false"))
                .build();
        proxy.start();
        while (!proxy.getState().equals("STARTED")) {
            Thread.sleep(10);
        }
        S3Presigner presigner = S3Presigner.builder()
                .region(Region.US_WEST_2)
                .endpointOverride(URI.create("http://127.0.0.1:" + proxy.getPort()))
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(identity, credential)))
                .build();
        return new UploadBucket(proxy, presigner, directory);
    }

    /** Where pages PUT photos: the origin their Content-Security-Policy must let them connect to. */
    public String origin() {
        return "http://127.0.0.1:" + proxy.getPort();
    }

    public PhotoUploadLinks links() {
        return new PhotoUploadLinks(presigner, BUCKET);
    }

    /** Where an uploaded key ends up on disk. */
    public Path file(String key) {
        return directory.resolve(BUCKET).resolve(key);
    }

    @Override
    public void close() throws Exception {
        presigner.close();
        proxy.stop();
    }
}
