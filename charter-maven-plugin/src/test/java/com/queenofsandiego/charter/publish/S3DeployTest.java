package com.queenofsandiego.charter.publish;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.queenofsandiego.charter.deploy.DeleteLimit;
import com.queenofsandiego.charter.deploy.DeleteLimitException;
import com.queenofsandiego.charter.deploy.Deployment;
import com.queenofsandiego.charter.deploy.PlanReport;
import com.queenofsandiego.charter.store.ObjectStore;
import com.queenofsandiego.charter.store.S3Store;
import com.queenofsandiego.charter.store.SiteObject;
import com.queenofsandiego.charter.store.StateStore;
import org.apache.commons.codec.digest.DigestUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Deploys through the real AWS SDK over HTTP: S3 calls to s3proxy on 127.0.0.1, CloudFront calls to a WireMock stub
 * that records what the SDK really sends.
 */
class S3DeployTest {

    private static final String BUCKET = "queenofsandiego-site";
    private static final String NS = "http://cloudfront.amazonaws.com/doc/2020-05-31/";
    private static final String SUMMARY =
            "<FunctionSummary xmlns=\"" + NS + "\"><Name>path-rewriter</Name><Status>UNPUBLISHED</Status>"
                    + "<FunctionConfig><Comment>c</Comment><Runtime>cloudfront-js-2.0</Runtime></FunctionConfig><FunctionMetadata>"
                    + "<FunctionARN>arn:aws:cloudfront::1:function/path-rewriter</FunctionARN><Stage>DEVELOPMENT</Stage>"
                    + "<CreatedTime>2024-01-01T00:00:00Z</CreatedTime><LastModifiedTime>2024-01-01T00:00:00Z</LastModifiedTime>"
                    + "</FunctionMetadata></FunctionSummary>";
    private static final String NO_FUNCTION = "<ErrorResponse xmlns=\"" + NS + "\"><Error><Type>Sender</Type>"
            + "<Code>NoSuchFunctionExists</Code><Message>The function does not exist.</Message></Error><RequestId>1</RequestId></ErrorResponse>";

    /** A distribution whose default cache behavior runs {@code viewerRequest} (none when null) and a viewer-response function. */
    static String distributionConfig(String viewerRequest) {
        String request = viewerRequest == null
                ? ""
                : "<FunctionAssociation><FunctionARN>arn:aws:cloudfront::1:function/" + viewerRequest
                        + "</FunctionARN><EventType>viewer-request</EventType></FunctionAssociation>";
        return "<DistributionConfig xmlns=\"" + NS + "\"><CallerReference>site</CallerReference>"
                + "<Origins><Quantity>1</Quantity><Items><Origin><Id>bucket</Id><DomainName>site.s3.amazonaws.com</DomainName></Origin></Items></Origins>"
                + "<DefaultCacheBehavior><TargetOriginId>bucket</TargetOriginId><ViewerProtocolPolicy>redirect-to-https</ViewerProtocolPolicy>"
                + "<FunctionAssociations><Quantity>" + (viewerRequest == null ? 1 : 2) + "</Quantity><Items>" + request
                + "<FunctionAssociation><FunctionARN>arn:aws:cloudfront::1:function/headers</FunctionARN><EventType>viewer-response</EventType></FunctionAssociation>"
                + "</Items></FunctionAssociations></DefaultCacheBehavior><Comment>site</Comment><Enabled>true</Enabled></DistributionConfig>";
    }

    @TempDir
    Path work;

    S3Server s3;
    WireMockServer cloudFrontStub;
    CloudFrontClient cloudFront;
    List<String> progress = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        s3 = new S3Server(BUCKET);
        cloudFrontStub = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        cloudFrontStub.start();
        cloudFront = CloudFrontClient.builder()
                .region(Region.AWS_GLOBAL)
                .endpointOverride(URI.create("http://127.0.0.1:" + cloudFrontStub.port()))
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "test-secret")))
                .build();
        cloudFrontStub.stubFor(get(urlEqualTo("/2020-05-31/function/path-rewriter?Stage=LIVE"))
                .willReturn(aResponse()
                        .withStatus(404)
                        .withHeader("Content-Type", "text/xml")
                        .withBody(NO_FUNCTION)));
        cloudFrontStub.stubFor(get(urlEqualTo("/2020-05-31/function/path-rewriter/describe?Stage=DEVELOPMENT"))
                .willReturn(aResponse()
                        .withStatus(404)
                        .withHeader("Content-Type", "text/xml")
                        .withBody(NO_FUNCTION)));
        cloudFrontStub.stubFor(post(urlEqualTo("/2020-05-31/function"))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("ETag", "ETAG-CREATED")
                        .withHeader("Content-Type", "text/xml")
                        .withBody(SUMMARY)));
        cloudFrontStub.stubFor(post(urlEqualTo("/2020-05-31/function/path-rewriter/publish"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("ETag", "ETAG-LIVE")
                        .withHeader("Content-Type", "text/xml")
                        .withBody(SUMMARY)));
        cloudFrontStub.stubFor(get(urlEqualTo("/2020-05-31/distribution/DIST123/config"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("ETag", "DIST-ETAG")
                        .withHeader("Content-Type", "text/xml")
                        .withBody(distributionConfig("path-rewriter"))));
        cloudFrontStub.stubFor(
                post(urlPathEqualTo("/2020-05-31/distribution/DIST123/invalidation"))
                        .willReturn(
                                aResponse()
                                        .withStatus(201)
                                        .withHeader("Content-Type", "text/xml")
                                        .withBody(
                                                "<Invalidation xmlns=\"" + NS
                                                        + "\"><Id>I1</Id><Status>InProgress</Status><CreateTime>2024-01-01T00:00:00Z</CreateTime>"
                                                        + "<InvalidationBatch><Paths><Quantity>0</Quantity></Paths><CallerReference>x</CallerReference></InvalidationBatch></Invalidation>")));
    }

    @AfterEach
    void stop() throws Exception {
        cloudFront.close();
        cloudFrontStub.stop();
        s3.close();
    }

    private Path site(String name) throws IOException {
        Path site = work.resolve(name);
        write(site, "index.html", "<h1>Home</h1>");
        write(site, "faq.html", "<h1>FAQ</h1>");
        write(site, "g/trip-one.html", "<h1>Trip one</h1>");
        write(site, "g/trip-one.ics", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n");
        write(site, "g/trip-two.html", "<h1>Trip two</h1>");
        write(site, "g/trip-two.ics", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n");
        write(site, "assets/css/site.0123456789.css", "body{}");
        write(site, "sitemap.xml", "<urlset/>");
        write(site, "robots.txt", "User-agent: *\nDisallow: /g/\n");
        return site;
    }

    private PublishPlan plan(Path site, ObjectStore target) {
        return plan(site, target, false);
    }

    private PublishPlan plan(Path site, ObjectStore target, boolean refresh) {
        return Plans.read(
                LocalTree.scan(site),
                target,
                StateStore.in(target),
                Optional.of(new CloudFrontCdn(cloudFront, "DIST123")),
                "function handler(event) {}",
                false,
                refresh);
    }

    private Publisher.Result deploy(Path site, ObjectStore target, int maxDeletes) {
        PublishPlan plan = plan(site, target);
        return new Publisher(
                        target,
                        StateStore.in(target),
                        Optional.of(new CloudFrontCdn(cloudFront, "DIST123")),
                        progress::add,
                        () -> {})
                .apply(plan);
    }

    private List<String> invalidationBodies() {
        return cloudFrontStub
                .findAll(postRequestedFor(urlPathEqualTo("/2020-05-31/distribution/DIST123/invalidation")))
                .stream()
                .map(LoggedRequest::getBodyAsString)
                .toList();
    }

    @Test
    void deployChangeDeleteAndRedeployTouchExactlyWhatChanged() throws Exception {
        Path site = site("site");
        S3Store target = new S3Store(s3.client(), BUCKET);
        s3.client().putObject(r -> r.bucket(BUCKET).key("uploads/BS-1/photo.jpg"), RequestBody.fromString("not ours"));

        Publisher.Result first = deploy(site, target, 10);

        assertThat(first.uploaded()).isEqualTo(9);
        HeadObjectResponse page = s3.client().headObject(r -> r.bucket(BUCKET).key("g/trip-one.html"));
        assertThat(page.contentType()).isEqualToIgnoringWhitespace("text/html; charset=utf-8");
        assertThat(page.cacheControl()).isEqualTo("public, max-age=300");
        HeadObjectResponse asset = s3.client().headObject(r -> r.bucket(BUCKET).key("assets/css/site.0123456789.css"));
        assertThat(asset.cacheControl()).isEqualTo("public, max-age=31536000, immutable");
        assertThat(asset.contentType()).isEqualToIgnoringWhitespace("text/css; charset=utf-8");
        assertThat(s3.client()
                        .headObject(r -> r.bucket(BUCKET).key("g/trip-one.ics"))
                        .contentType())
                .isEqualToIgnoringWhitespace("text/calendar; charset=utf-8");
        assertThat(progress)
                .containsSubsequence(
                        "S3: uploading 1 assets", "S3: uploading 6 pages", "S3: uploading 2 sitemap and robots.txt");
        cloudFrontStub.verify(postRequestedFor(urlEqualTo("/2020-05-31/function")));
        cloudFrontStub.verify(postRequestedFor(urlEqualTo("/2020-05-31/function/path-rewriter/publish"))
                .withHeader("If-Match", equalTo("ETAG-CREATED")));
        assertThat(invalidationBodies()).isEmpty();

        // A fresh checkout: same content, new file times. Nothing to do, and only reads are sent.
        cloudFrontStub.stubFor(get(urlEqualTo("/2020-05-31/function/path-rewriter?Stage=LIVE"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("ETag", "ETAG-LIVE")
                        .withBody("function handler(event) {}")));
        S3Store fresh = new S3Store(s3.client(), BUCKET);
        PublishPlan again = plan(site("fresh-clone"), fresh);
        assertThat(again.isEmpty()).isTrue();
        assertThat(again.unchanged()).isEqualTo(9);
        new Publisher(
                        fresh,
                        StateStore.in(fresh),
                        Optional.of(new CloudFrontCdn(cloudFront, "DIST123")),
                        progress::add,
                        () -> {})
                .apply(again);
        assertThat(fresh.requests())
                .containsOnlyKeys("LIST", "GET")
                .containsEntry("LIST", 1)
                .as("the folded manifest and its changes")
                .containsEntry("GET", 2);
        assertThat(invalidationBodies()).isEmpty();

        write(site, "g/trip-one.html", "<h1>Trip one, now at sunset</h1>");
        S3Store second = new S3Store(s3.client(), BUCKET);
        PublishPlan changed = plan(site, second);
        assertThat(changed.uploads()).extracting(u -> u.object().key()).containsExactly("g/trip-one.html");
        assertThat(changed.invalidations()).containsExactly("/g/trip-one", "/g/trip-one.html");
        String folded = etag(".charter/manifest.json");
        deploy(site, second, 10);
        assertThat(etag(".charter/manifest.json"))
                .as("the folded manifest is not rewritten for one change")
                .isEqualTo(folded);
        assertThat(second.requests())
                .as("the page, then the changes with the pending invalidations and without")
                .containsEntry("PUT", 3);
        assertThat(invalidationBodies())
                .singleElement()
                .asString()
                .contains(
                        "<Path>/g/trip-one</Path>",
                        "<Path>/g/trip-one.html</Path>",
                        "<Quantity>2</Quantity>",
                        "<CallerReference>charter-");

        Files.delete(site.resolve("g/trip-two.html"));
        Files.delete(site.resolve("g/trip-two.ics"));
        PublishPlan removal = plan(site, new S3Store(s3.client(), BUCKET));
        assertThat(removal.deletes()).containsExactly("g/trip-two.html", "g/trip-two.ics");
        S3Store refused = new S3Store(s3.client(), BUCKET);
        Deployment limited = new Deployment(
                refused, StateStore.in(refused), Optional.empty(), false, false, Map.of(), progress::add);
        assertThatThrownBy(
                        () -> limited.apply(limited.plan(site, List.of()), Map.of(), new DeleteLimit(1), 1, () -> {}))
                .isInstanceOf(DeleteLimitException.class)
                .hasMessageContaining("-Dcharter.maxDeletes=2");
        assertThat(keys()).contains("g/trip-two.html");

        Publisher.Result removed = deploy(site, new S3Store(s3.client(), BUCKET), 10);

        assertThat(removed.deleted()).isEqualTo(2);
        assertThat(keys())
                .doesNotContain("g/trip-two.html", "g/trip-two.ics")
                .contains("uploads/BS-1/photo.jpg", "g/trip-one.html");
        assertThat(invalidationBodies().get(1))
                .contains("<Path>/g/trip-two</Path>", "<Path>/g/trip-two.html</Path>", "<Path>/g/trip-two.ics</Path>");
    }

    @Test
    void aDistributionThatDoesNotRunTheFunctionIsRefusedBeforeAnyWrite() throws Exception {
        cloudFrontStub.stubFor(get(urlEqualTo("/2020-05-31/distribution/DIST123/config"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("ETag", "DIST-ETAG")
                        .withHeader("Content-Type", "text/xml")
                        .withBody(distributionConfig("someone-elses"))));
        S3Store target = new S3Store(s3.client(), BUCKET);
        PublishPlan plan = plan(site("site"), target);

        assertThat(plan.associationRefused()).isTrue();
        assertThat(PlanReport.markdown(plan))
                .anySatisfy(line -> assertThat(line)
                        .startsWith(
                                "Viewer-request association: missing (function someone-elses): **deploy refuses**."));
        Deployment deployment = new Deployment(
                target,
                StateStore.in(target),
                Optional.of(new CloudFrontCdn(cloudFront, "DIST123")),
                false,
                false,
                Map.of(),
                progress::add);
        assertThatThrownBy(() -> deployment.apply(
                        deployment.plan(site("site"), List.of()), Map.of(), new DeleteLimit(10), 1, () -> {}))
                .isInstanceOf(NotAssociatedException.class)
                .hasMessageContaining("CloudFront distribution DIST123 does not run path-rewriter on viewer request")
                .hasMessageContaining("-Dcharter.cloudfront.associate=true")
                .hasMessageContaining("Nothing was changed");
        assertThat(keys()).isEmpty();
        assertThat(cloudFrontStub.findAll(postRequestedFor(urlPathEqualTo("/2020-05-31/function"))))
                .isEmpty();
    }

    @Test
    void withAssociateTheDeployPublishesTheFunctionThenAssociatesItKeepingOtherFunctions() throws Exception {
        cloudFrontStub.stubFor(get(urlEqualTo("/2020-05-31/distribution/DIST123/config"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("ETag", "DIST-ETAG")
                        .withHeader("Content-Type", "text/xml")
                        .withBody(distributionConfig(null))));
        cloudFrontStub.stubFor(get(urlEqualTo("/2020-05-31/function/path-rewriter/describe?Stage=LIVE"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("ETag", "ETAG-LIVE")
                        .withHeader("Content-Type", "text/xml")
                        .withBody(SUMMARY)));
        cloudFrontStub.stubFor(put(urlEqualTo("/2020-05-31/distribution/DIST123/config"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("ETag", "DIST-ETAG-2")
                        .withHeader("Content-Type", "text/xml")
                        .withBody("<Distribution xmlns=\"" + NS
                                + "\"><Id>DIST123</Id><Status>InProgress</Status></Distribution>")));
        S3Store target = new S3Store(s3.client(), BUCKET);
        CloudFrontCdn cdn = new CloudFrontCdn(cloudFront, "DIST123");
        PublishPlan plan = Plans.read(
                LocalTree.scan(site("site")),
                target,
                StateStore.in(target),
                Optional.of(cdn),
                "function handler(event) {}",
                true,
                false);

        assertThat(plan.willAssociate()).isTrue();
        assertThat(plan.summary()).endsWith("associate (now no viewer-request function)");
        new Publisher(target, StateStore.in(target), Optional.of(cdn), progress::add, () -> {}).apply(plan);

        List<LoggedRequest> updates =
                cloudFrontStub.findAll(putRequestedFor(urlEqualTo("/2020-05-31/distribution/DIST123/config")));
        assertThat(updates).singleElement().satisfies(update -> {
            assertThat(update.getHeader("If-Match")).isEqualTo("DIST-ETAG");
            assertThat(update.getBodyAsString())
                    .contains(
                            "<FunctionARN>arn:aws:cloudfront::1:function/path-rewriter</FunctionARN><EventType>viewer-request</EventType>",
                            "<FunctionARN>arn:aws:cloudfront::1:function/headers</FunctionARN><EventType>viewer-response</EventType>",
                            "<Quantity>2</Quantity>",
                            "<CallerReference>site</CallerReference>");
        });
        List<String> order = new ArrayList<>(cloudFrontStub.getAllServeEvents().stream()
                .map(e -> e.getRequest().getMethod() + " " + e.getRequest().getUrl())
                .toList());
        Collections.reverse(order);
        assertThat(order)
                .containsSubsequence(
                        "POST /2020-05-31/function/path-rewriter/publish",
                        "PUT /2020-05-31/distribution/DIST123/config");
        assertThat(progress)
                .contains(
                        "CloudFront: associating path-rewriter with the default cache behavior of CloudFront distribution DIST123 (viewer request)");
    }

    @Test
    void conditionalWritesProtectTheToolsRecords() {
        S3Store target = new S3Store(s3.client(), BUCKET);

        String first = target.writeIfAbsent(".charter/lock.json", "{\"holder\":\"a\"}".getBytes(), "application/json")
                .orElseThrow();
        assertThat(target.writeIfAbsent(".charter/lock.json", "{\"holder\":\"b\"}".getBytes(), "application/json"))
                .isEmpty();
        String version = target.read(".charter/lock.json").orElseThrow().version();
        assertThat(version).isEqualTo(first);
        String second = target.writeIfMatch(
                        ".charter/lock.json", "{\"holder\":\"c\"}".getBytes(), "application/json", version)
                .orElseThrow();
        assertThat(target.writeIfMatch(
                        ".charter/lock.json", "{\"holder\":\"d\"}".getBytes(), "application/json", version))
                .isEmpty();
        assertThat(target.read(".charter/lock.json").orElseThrow().version()).isEqualTo(second);
        assertThat(new String(target.read(".charter/lock.json").orElseThrow().content()))
                .isEqualTo("{\"holder\":\"c\"}");
    }

    @Test
    void anObjectWhoseEtagIsNotItsMd5IsWhatTheManifestRecordsWithoutAHead() throws Exception {
        Path site = site("site");
        deploy(site, new S3Store(s3.client(), BUCKET), 10);
        HeadObjectResponse uploaded =
                s3.client().headObject(r -> r.bucket(BUCKET).key("g/trip-one.html"));
        assertThat(uploaded.metadata())
                .containsEntry(
                        "charter-sha256", DigestUtils.sha256Hex(Files.readAllBytes(site.resolve("g/trip-one.html"))));

        // the same bytes and metadata, uploaded in parts: an ETag that is not the MD5
        putMultipart("g/trip-one.html", Files.readAllBytes(site.resolve("g/trip-one.html")), uploaded);
        assertThat(etag("g/trip-one.html")).endsWith("-1\"");
        S3Store fresh = new S3Store(s3.client(), BUCKET);
        PublishPlan again = plan(site("fresh-clone"), fresh);

        assertThat(again.uploads()).isEmpty();
        assertThat(fresh.requests()).containsOnlyKeys("LIST", "GET");
    }

    @Test
    void anOldManifestWithoutCharterHashesReadsTheMetadataOfObjectsWhoseEtagIsNotAnMd5AndOnlyThose() throws Exception {
        Path site = site("site");
        deploy(site, new S3Store(s3.client(), BUCKET), 10);
        HeadObjectResponse page = s3.client().headObject(r -> r.bucket(BUCKET).key("g/trip-one.html"));
        putMultipart("g/trip-one.html", Files.readAllBytes(site.resolve("g/trip-one.html")), page);
        putMultipart(
                "faq.html",
                Files.readAllBytes(site.resolve("faq.html")),
                s3.client().headObject(r -> r.bucket(BUCKET).key("faq.html")).toBuilder()
                        .metadata(java.util.Map.of())
                        .build());
        withoutCharterHashes(".charter/manifest.json");

        S3Store fresh = new S3Store(s3.client(), BUCKET);
        PublishPlan plan = plan(site("fresh-clone"), fresh);

        assertThat(fresh.requests())
                .containsEntry("HEAD", 2)
                .containsEntry("LIST", 1)
                .containsEntry("GET", 2);
        assertThat(plan.uploads())
                .as("faq.html has no charter hash: put there by someone else")
                .extracting(u -> u.object().key())
                .containsExactly("faq.html");
        new Publisher(fresh, StateStore.in(fresh), Optional.empty(), progress::add, () -> {}).apply(plan);
        S3Store next = new S3Store(s3.client(), BUCKET);
        assertThat(plan(site, next).uploads()).isEmpty();
        assertThat(next.requests())
                .as("the manifest now records charter's hashes")
                .doesNotContainKey("HEAD");
    }

    @Test
    void refreshReadsEveryObjectsMetadataAndUploadsWhatWasChangedByHand() throws Exception {
        Path site = site("site");
        deploy(site, new S3Store(s3.client(), BUCKET), 10);
        putMultipart(
                "g/trip-one.html",
                "<h1>Edited in the console</h1>".getBytes(StandardCharsets.UTF_8),
                s3.client().headObject(r -> r.bucket(BUCKET).key("g/trip-one.html")).toBuilder()
                        .metadata(java.util.Map.of())
                        .build());

        S3Store plain = new S3Store(s3.client(), BUCKET);
        assertThat(plan(site, plain).uploads())
                .as("the listing cannot show this edit")
                .isEmpty();
        assertThat(plain.requests()).doesNotContainKey("HEAD");

        S3Store refreshing = new S3Store(s3.client(), BUCKET);
        PublishPlan refreshed = plan(site, refreshing, true);
        assertThat(refreshed.uploads()).extracting(u -> u.object().key()).containsExactly("g/trip-one.html");
        assertThat(refreshed.invalidations()).containsExactly("/g/trip-one", "/g/trip-one.html");
        assertThat(refreshing.requests()).containsEntry("HEAD", 9);

        // a single-part edit shows in the listing: its ETag is an MD5, not the one recorded
        s3.client()
                .putObject(
                        r -> r.bucket(BUCKET).key("faq.html").contentType("text/html"),
                        RequestBody.fromString("<h1>Edited</h1>"));
        S3Store again = new S3Store(s3.client(), BUCKET);
        assertThat(plan(site, again).uploads())
                .extracting(u -> u.object().key())
                .containsExactly("faq.html");
        assertThat(again.requests()).as("its metadata shows no charter hash").containsEntry("HEAD", 1);
    }

    /** A bucket whose default encryption is SSE-KMS: listed ETags are not MD5s and change only when an object is written. */
    @Test
    void underSseKmsAnUnchangedSiteIsReadOnceAfterItsUploadAndThenTrusted() throws Exception {
        Path site = site("site");
        deploy(site, new KmsEtags(new S3Store(s3.client(), BUCKET)), 10);

        KmsEtags second = new KmsEtags(new S3Store(s3.client(), BUCKET));
        PublishPlan afterUpload = plan(site, second);
        assertThat(afterUpload.uploads()).isEmpty();
        assertThat(second.requests())
                .as("objects uploaded last time are confirmed by their metadata")
                .containsEntry("HEAD", 9);
        new Publisher(second, StateStore.in(second), Optional.empty(), progress::add, () -> {}).apply(afterUpload);

        KmsEtags third = new KmsEtags(new S3Store(s3.client(), BUCKET));
        assertThat(plan(site, third).uploads()).isEmpty();
        assertThat(third.requests()).as("the manifest now records their ETags").containsOnlyKeys("LIST", "GET");

        s3.client()
                .putObject(
                        r -> r.bucket(BUCKET).key("faq.html").contentType("text/html"),
                        RequestBody.fromString("<h1>Edited</h1>"));
        KmsEtags fourth = new KmsEtags(new S3Store(s3.client(), BUCKET));
        assertThat(plan(site, fourth).uploads())
                .as("an ETag other than the recorded one: replaced")
                .extracting(u -> u.object().key())
                .containsExactly("faq.html");
        assertThat(fourth.requests()).doesNotContainKey("HEAD");
    }

    /** Uploads {@code content} in one part, with the headers and metadata of {@code like}: the ETag is then "…-1". */
    private void putMultipart(String key, byte[] content, HeadObjectResponse like) {
        String upload = s3.client()
                .createMultipartUpload(r -> r.bucket(BUCKET)
                        .key(key)
                        .contentType(like.contentType())
                        .cacheControl(like.cacheControl())
                        .metadata(like.metadata()))
                .uploadId();
        String part = s3.client()
                .uploadPart(
                        r -> r.bucket(BUCKET).key(key).uploadId(upload).partNumber(1), RequestBody.fromBytes(content))
                .eTag();
        s3.client()
                .completeMultipartUpload(r -> r.bucket(BUCKET)
                        .key(key)
                        .uploadId(upload)
                        .multipartUpload(m -> m.parts(p -> p.partNumber(1).eTag(part))));
    }

    private String etag(String key) {
        return s3.client().headObject(r -> r.bucket(BUCKET).key(key)).eTag();
    }

    /** Rewrites the manifest as charter wrote it before it kept its own hashes. */
    private void withoutCharterHashes(String key) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode manifest = (ObjectNode) json.readTree(
                s3.client().getObjectAsBytes(r -> r.bucket(BUCKET).key(key)).asByteArray());
        manifest.get("objects").forEach(entry -> ((ObjectNode) entry).remove("sha256"));
        assertThat(manifest.toString()).doesNotContain("sha256").contains("md5");
        s3.client().putObject(r -> r.bucket(BUCKET).key(key), RequestBody.fromBytes(json.writeValueAsBytes(manifest)));
    }

    /** The S3 target as a bucket with SSE-KMS default encryption lists it: every ETag a stable 32-hex that is not the MD5. */
    private static final class KmsEtags implements ObjectStore {

        private final ObjectStore bucket;

        KmsEtags(ObjectStore bucket) {
            this.bucket = bucket;
        }

        @Override
        public java.util.Map<String, String> list() {
            java.util.Map<String, String> listed = new java.util.TreeMap<>();
            bucket.list().forEach((key, etag) -> listed.put(key, DigestUtils.md5Hex("kms " + etag)));
            return listed;
        }

        @Override
        public String describe() {
            return bucket.describe();
        }

        @Override
        public Optional<Stored> read(String key) {
            return bucket.read(key);
        }

        @Override
        public Optional<Metadata> head(String key) {
            return bucket.head(key);
        }

        @Override
        public void upload(SiteObject object) {
            bucket.upload(object);
        }

        @Override
        public void write(String key, byte[] content, String contentType) {
            bucket.write(key, content, contentType);
        }

        @Override
        public Optional<String> writeIfAbsent(String key, byte[] content, String contentType) {
            return bucket.writeIfAbsent(key, content, contentType);
        }

        @Override
        public Optional<String> writeIfMatch(String key, byte[] content, String contentType, String version) {
            return bucket.writeIfMatch(key, content, contentType, version);
        }

        @Override
        public void delete(String key) {
            bucket.delete(key);
        }

        @Override
        public java.util.Map<String, Integer> requests() {
            return bucket.requests();
        }
    }

    private List<String> keys() {
        return s3.client().listObjectsV2(r -> r.bucket(BUCKET)).contents().stream()
                .map(S3Object::key)
                .toList();
    }

    private static void write(Path root, String key, String text) throws IOException {
        Path file = root.resolve(key);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
