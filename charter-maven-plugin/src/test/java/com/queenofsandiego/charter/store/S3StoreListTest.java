package com.queenofsandiego.charter.store;

import com.queenofsandiego.charter.publish.S3Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link S3Store#list()} reads the bucket in key ranges at once, and finds exactly what one listing from the start finds. */
class S3StoreListTest {

    private static final String BUCKET = "charter-list";
    private static final String SMALL = "charter-small";
    /** A page and a calendar each, their slugs spread over every first character a slug can have. */
    private static final int BOOKINGS = 1000;

    private static final String FIRSTS = "0123456789abcdefghijklmnopqrstuvwxyz";
    private static final List<String> PRIVATE_KEYS = List.of(".charter/manifest.json", ".charter/ledger.json");
    /** Keys a person may have put in the bucket by hand, around the boundaries where the listing cuts. */
    private static final List<String> ODD_KEYS = List.of(
            "assets/a.css",
            "about.html",
            "G/upper.html",
            "g/",
            "g/-dash.html",
            "g/A-upper.html",
            "g/Zed.html",
            "g/:",
            "g/{",
            "g/9\uDBFF\uDFFFafter-all.html",
            "g/_x.html",
            "g/z~tilde.html",
            "g/zzzz.ics",
            "g/~tilde.html",
            "g/with space.html",
            "g/ñandú.html",
            "g/日本.html",
            "g/\uD83D\uDE00.html",
            "g/\uFF5Ewide.html",
            "h.html",
            "robots.txt",
            "sitemap.xml",
            "zzz.html",
            "\u00E9t\u00E9.html");

    static S3Server s3;

    @BeforeAll
    static void fill() throws Exception {
        s3 = new S3Server(BUCKET, SMALL);
        List<String> keys = new ArrayList<>(PRIVATE_KEYS);
        keys.addAll(ODD_KEYS);
        FIRSTS.chars().forEach(first -> keys.add("g/" + (char) first));
        IntStream.range(0, BOOKINGS).forEach(i -> {
            String slug = FIRSTS.charAt(i % FIRSTS.length()) + "slug" + i;
            keys.add("g/" + slug + ".html");
            keys.add("g/" + slug + ".ics");
        });
        ParallelRequests.each(
                keys, key -> s3.client().putObject(r -> r.bucket(BUCKET).key(key), RequestBody.fromString(key)));
        s3.client().putObject(r -> r.bucket(SMALL).key("index.html"), RequestBody.fromString("home"));
    }

    @AfterAll
    static void stop() throws Exception {
        s3.close();
    }

    @Test
    void listsWhatOneListingFromTheStartLists() {
        Map<String, String> everything = everyPublicObject(s3.client(), BUCKET);
        assertThat(everything)
                .hasSize(2 * BOOKINGS + ODD_KEYS.size() + FIRSTS.length())
                .containsKeys(ODD_KEYS.toArray(String[]::new))
                .containsKeys("g/0", "g/9", "g/a", "g/z");

        for (int pageSize : List.of(1000, 100, 7)) {
            S3Store store = new S3Store(s3.client(), BUCKET, pageSize);

            Map<String, String> listed = store.list();

            assertThat(entriesOnlyIn(everything, listed))
                    .as("missed, in pages of %d", pageSize)
                    .isEmpty();
            assertThat(entriesOnlyIn(listed, everything))
                    .as("wrong, in pages of %d", pageSize)
                    .isEmpty();
            assertThat(listed).doesNotContainKeys(PRIVATE_KEYS.toArray(String[]::new));
            int pages = everything.size() / pageSize;
            assertThat(store.requests().get("LIST"))
                    .as("pages of %d keys at most, in ranges of a page or more, and a first page", pageSize)
                    .isBetween(pages, 1 + 39 + pages);
        }
    }

    @Test
    void aSmallBucketTakesOneRequest() {
        S3Store store = new S3Store(s3.client(), SMALL);

        assertThat(store.list()).containsOnlyKeys("index.html");
        assertThat(store.requests()).containsExactly(Map.entry("LIST", 1));
    }

    @Test
    void aMissingBucketFailsAsTheSdkDoes() {
        assertThatThrownBy(() -> new S3Store(s3.client(), "no-such-bucket").list())
                .isInstanceOf(NoSuchBucketException.class);
    }

    @Test
    void aRangeThatFailsFailsTheListingWithItsOwnError() {
        S3Exception denied = (S3Exception)
                S3Exception.builder().statusCode(403).message("Access Denied").build();
        ExecutionInterceptor denyAllButTheFirstPage = new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                if (context.request() instanceof ListObjectsV2Request list
                        && (list.startAfter() != null || list.continuationToken() != null)) {
                    throw denied;
                }
            }
        };
        try (S3Client denying = s3.client(override -> override.addExecutionInterceptor(denyAllButTheFirstPage))) {
            assertThatThrownBy(() -> new S3Store(denying, BUCKET, 100).list()).isSameAs(denied);
        }
    }

    private static Map<String, String> entriesOnlyIn(Map<String, String> these, Map<String, String> those) {
        Map<String, String> only = new TreeMap<>(these);
        only.entrySet().removeAll(those.entrySet());
        return only;
    }

    /** The oracle: every object not under the private prefix, one page after another from the start, as the SDK lists them. */
    static Map<String, String> everyPublicObject(S3Client client, String bucket) {
        Map<String, String> objects = new TreeMap<>();
        for (S3Object object :
                client.listObjectsV2Paginator(r -> r.bucket(bucket)).contents()) {
            if (!object.key().startsWith(ObjectStore.PRIVATE_PREFIX)) {
                objects.put(object.key(), object.eTag().replace("\"", "").toLowerCase(Locale.ROOT));
            }
        }
        return objects;
    }
}
