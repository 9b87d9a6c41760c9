package com.queenofsandiego.charter.store;

import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/** The {@code aws} target: an S3 bucket (or an S3-compatible server), through the AWS SDK. */
public final class S3Store implements ObjectStore {

    /** Charter's hash of an object, in its metadata ({@code x-amz-meta-charter-sha256}): ETags are not always MD5s. */
    static final String HASH_METADATA = "charter-sha256";

    private final S3Client s3;
    private final String bucket;
    private final RequestCounter requests = new RequestCounter();

    public S3Store(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    public String describe() {
        return "s3://" + bucket;
    }

    @Override
    public Map<String, String> list() {
        Map<String, String> objects = new TreeMap<>();
        String token = null;
        do {
            requests.count("LIST");
            String continuation = token;
            var page = s3.listObjectsV2(r -> r.bucket(bucket).continuationToken(continuation));
            for (S3Object object : page.contents()) {
                if (!object.key().startsWith(PRIVATE_PREFIX)) {
                    objects.put(
                            object.key(),
                            object.eTag() == null
                                    ? ""
                                    : object.eTag().replace("\"", "").toLowerCase(Locale.ROOT));
                }
            }
            token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
        } while (token != null);
        return objects;
    }

    @Override
    public Optional<Stored> read(String key) {
        requests.count("GET");
        try {
            ResponseBytes<GetObjectResponse> object =
                    s3.getObjectAsBytes(r -> r.bucket(bucket).key(key));
            return Optional.of(
                    new Stored(object.asByteArray(), object.response().eTag()));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<Metadata> head(String key) {
        requests.count("HEAD");
        try {
            HeadObjectResponse head = s3.headObject(r -> r.bucket(bucket).key(key));
            return Optional.of(
                    new Metadata(head.metadata().get(HASH_METADATA), head.contentType(), head.cacheControl()));
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public void upload(SiteObject object) {
        requests.count("PUT");
        s3.putObject(
                r -> r.bucket(bucket)
                        .key(object.key())
                        .contentType(object.contentType())
                        .cacheControl(object.cacheControl())
                        .metadata(Map.of(HASH_METADATA, object.sha256()))
                        .contentMD5(Base64.getEncoder()
                                .encodeToString(HexFormat.of().parseHex(object.md5()))),
                RequestBody.fromFile(object.file()));
    }

    @Override
    public void write(String key, byte[] content, String contentType) {
        requests.count("PUT");
        s3.putObject(
                r -> r.bucket(bucket).key(key).contentType(contentType).cacheControl("no-store"),
                RequestBody.fromBytes(content));
    }

    @Override
    public Optional<String> writeIfAbsent(String key, byte[] content, String contentType) {
        return conditional(() -> s3.putObject(
                r -> r.bucket(bucket)
                        .key(key)
                        .contentType(contentType)
                        .cacheControl("no-store")
                        .ifNoneMatch("*"),
                RequestBody.fromBytes(content)));
    }

    @Override
    public Optional<String> writeIfMatch(String key, byte[] content, String contentType, String version) {
        return conditional(() -> s3.putObject(
                r -> r.bucket(bucket)
                        .key(key)
                        .contentType(contentType)
                        .cacheControl("no-store")
                        .ifMatch(version),
                RequestBody.fromBytes(content)));
    }

    @Override
    public void delete(String key) {
        requests.count("DELETE");
        s3.deleteObject(r -> r.bucket(bucket).key(key));
    }

    @Override
    public Map<String, Integer> requests() {
        return requests.snapshot();
    }

    private Optional<String> conditional(Supplier<PutObjectResponse> put) {
        requests.count("PUT");
        try {
            return Optional.of(put.get().eTag());
        } catch (S3Exception e) {
            if (e.statusCode() == 412 || e.statusCode() == 409) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
