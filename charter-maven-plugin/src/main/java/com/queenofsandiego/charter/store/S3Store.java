package com.queenofsandiego.charter.store;

import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/** The {@code aws} target: an S3 bucket (or an S3-compatible server), through the AWS SDK. */
public final class S3Store implements ObjectStore {

    /**
     * The last character there is (U+10FFFF): a gap after a prefix starts after it, which is after nearly every key
     * under the prefix; the few keys still under the prefix after it are listed twice, which does no harm.
     */
    private static final String AFTER_ALL = Character.toString(Character.MAX_CODE_POINT);

    /** Charter's hash of an object, in its metadata ({@code x-amz-meta-charter-sha256}): ETags are not always MD5s. */
    static final String HASH_METADATA = "charter-sha256";

    /**
     * The parts {@link #list()} reads at once, in key order: a slug ({@code g/<slug>}) starts with a digit or a
     * lower-case letter, so one prefix for each, which S3 lists exactly, and the gaps between them for anything else.
     */
    private static final List<KeyRange> RANGES = Stream.of(
                    Stream.of(new KeyRange(null, null, "g/0")),
                    prefixes('0', '9'),
                    Stream.of(new KeyRange(null, "g/9" + AFTER_ALL, "g/a")),
                    prefixes('a', 'z'),
                    Stream.of(new KeyRange(null, "g/z" + AFTER_ALL, null)))
            .flatMap(ranges -> ranges)
            .toList();

    private final S3Client s3;
    private final String bucket;
    private final int pageSize;
    private final RequestCounter requests = new RequestCounter();

    public S3Store(S3Client s3, String bucket) {
        this(s3, bucket, 1000);
    }

    /** With {@code pageSize} keys a LIST page at most (S3's own limit is 1,000). */
    S3Store(S3Client s3, String bucket, int pageSize) {
        this.s3 = s3;
        this.bucket = bucket;
        this.pageSize = pageSize;
    }

    @Override
    public String describe() {
        return "s3://" + bucket;
    }

    /**
     * Lists the bucket. One page holds a small bucket; a bigger one is read on from the end of that page in {@link
     * #RANGES} at once.
     */
    @Override
    public Map<String, String> list() {
        ListObjectsV2Response first = page(null, null, null);
        Map<String, String> objects = new HashMap<>();
        keep(first, null, objects);
        if (Boolean.TRUE.equals(first.isTruncated())) {
            String end = first.contents().get(first.contents().size() - 1).key();
            List<KeyRange> rest = RANGES.stream()
                    .filter(range -> range.reachesPast(end))
                    .map(range -> range.restAfter(end))
                    .toList();
            ParallelRequests.each(rest, this::list).values().forEach(objects::putAll);
        }
        return objects;
    }

    /**
     * The keys under {@code prefix} (all when null), after {@code startAfter} (from the first when null) and before
     * {@code before} (to the last when null). {@code before} is ASCII, so String order agrees with S3's order (by UTF-8
     * bytes) whenever a key is compared with it.
     */
    private record KeyRange(String prefix, String startAfter, String before) {

        boolean reachesPast(String key) {
            return before == null || before.compareTo(key) > 0;
        }

        /** This range without the keys up to {@code key}: either start would do, the later one lists fewer twice. */
        KeyRange restAfter(String key) {
            return startAfter != null && startAfter.compareTo(key) > 0 ? this : new KeyRange(prefix, key, before);
        }
    }

    private static Stream<KeyRange> prefixes(char first, char last) {
        return IntStream.rangeClosed(first, last)
                .mapToObj(c -> new KeyRange("g/" + (char) c, null, "g/" + (char) (c + 1)));
    }

    private Map<String, String> list(KeyRange range) {
        Map<String, String> objects = new HashMap<>();
        ListObjectsV2Response page = page(range.prefix(), range.startAfter(), null);
        while (keep(page, range.before(), objects) && Boolean.TRUE.equals(page.isTruncated())) {
            page = page(range.prefix(), null, page.nextContinuationToken());
        }
        return objects;
    }

    private ListObjectsV2Response page(String prefix, String startAfter, String continuationToken) {
        requests.count("LIST");
        return s3.listObjectsV2(r -> r.bucket(bucket)
                .maxKeys(pageSize)
                .prefix(prefix)
                .startAfter(startAfter)
                .continuationToken(continuationToken));
    }

    /** Keeps the page's public objects before {@code before} (all when null); false once the page reaches it. */
    private static boolean keep(ListObjectsV2Response page, String before, Map<String, String> objects) {
        for (S3Object object : page.contents()) {
            if (before != null && object.key().compareTo(before) >= 0) {
                return false;
            }
            if (!object.key().startsWith(PRIVATE_PREFIX)) {
                objects.put(
                        object.key(),
                        object.eTag() == null
                                ? ""
                                : object.eTag().replace("\"", "").toLowerCase(Locale.ROOT));
            }
        }
        return true;
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
