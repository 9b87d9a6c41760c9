package com.queenofsandiego.charter.publish;

import com.queenofsandiego.charter.store.RequestCounter;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.DefaultCacheBehavior;
import software.amazon.awssdk.services.cloudfront.model.DistributionConfig;
import software.amazon.awssdk.services.cloudfront.model.EventType;
import software.amazon.awssdk.services.cloudfront.model.FunctionAssociation;
import software.amazon.awssdk.services.cloudfront.model.FunctionRuntime;
import software.amazon.awssdk.services.cloudfront.model.FunctionStage;
import software.amazon.awssdk.services.cloudfront.model.NoSuchFunctionExistsException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * CloudFront through the AWS SDK: invalidations on one distribution, its viewer-request function, and that function's
 * association with the default cache behavior.
 */
public final class CloudFrontCdn implements Cdn {

    private static final String COMMENT = "Managed by charter: routes /g/<slug> to g/<slug>.html";

    private final CloudFrontClient cloudFront;
    private final String distributionId;
    private final RequestCounter requests = new RequestCounter();

    public CloudFrontCdn(CloudFrontClient cloudFront, String distributionId) {
        this.cloudFront = cloudFront;
        this.distributionId = distributionId;
    }

    @Override
    public void invalidate(List<String> paths, String callerReference) {
        requests.count("INVALIDATE");
        cloudFront.createInvalidation(r -> r.distributionId(distributionId)
                .invalidationBatch(b -> b.callerReference(callerReference)
                        .paths(p -> p.quantity(paths.size()).items(paths))));
    }

    @Override
    public Optional<String> functionCode(String name) {
        requests.count("GET_FUNCTION");
        try {
            SdkBytes code = cloudFront
                    .getFunction(r -> r.name(name).stage(FunctionStage.LIVE))
                    .functionCode();
            return Optional.of(code.asString(StandardCharsets.UTF_8));
        } catch (NoSuchFunctionExistsException e) {
            return Optional.empty();
        }
    }

    @Override
    public void publishFunction(String name, String code) {
        SdkBytes bytes = SdkBytes.fromString(code, StandardCharsets.UTF_8);
        String etag;
        try {
            requests.count("DESCRIBE_FUNCTION");
            String current = cloudFront
                    .describeFunction(r -> r.name(name).stage(FunctionStage.DEVELOPMENT))
                    .eTag();
            requests.count("UPDATE_FUNCTION");
            etag = cloudFront
                    .updateFunction(r -> r.name(name)
                            .ifMatch(current)
                            .functionCode(bytes)
                            .functionConfig(c -> c.comment(COMMENT).runtime(FunctionRuntime.CLOUDFRONT_JS_2_0)))
                    .eTag();
        } catch (NoSuchFunctionExistsException e) {
            requests.count("CREATE_FUNCTION");
            etag = cloudFront
                    .createFunction(r -> r.name(name)
                            .functionCode(bytes)
                            .functionConfig(c -> c.comment(COMMENT).runtime(FunctionRuntime.CLOUDFRONT_JS_2_0)))
                    .eTag();
        }
        requests.count("PUBLISH_FUNCTION");
        String published = etag;
        cloudFront.publishFunction(r -> r.name(name).ifMatch(published));
    }

    @Override
    public Association association(String functionName) {
        requests.count("GET_DISTRIBUTION_CONFIG");
        DistributionConfig config =
                cloudFront.getDistributionConfig(r -> r.id(distributionId)).distributionConfig();
        Optional<FunctionAssociation> viewerRequest = viewerRequest(config.defaultCacheBehavior());
        boolean ours = viewerRequest
                .map(f -> f.functionARN().endsWith(":function/" + functionName))
                .orElse(false);
        return new Association(
                "CloudFront distribution " + distributionId,
                ours,
                viewerRequest
                        .map(f -> "function "
                                + f.functionARN().substring(f.functionARN().lastIndexOf('/') + 1))
                        .orElse("no viewer-request function"));
    }

    @Override
    public void associate(String functionName) {
        requests.count("DESCRIBE_FUNCTION");
        String arn = cloudFront
                .describeFunction(r -> r.name(functionName).stage(FunctionStage.LIVE))
                .functionSummary()
                .functionMetadata()
                .functionARN();
        requests.count("GET_DISTRIBUTION_CONFIG");
        var current = cloudFront.getDistributionConfig(r -> r.id(distributionId));
        DistributionConfig config = current.distributionConfig();
        DefaultCacheBehavior behavior = config.defaultCacheBehavior();
        List<FunctionAssociation> functions = new ArrayList<>(
                behavior.functionAssociations() == null
                        ? List.of()
                        : behavior.functionAssociations().items().stream()
                                .filter(f -> f.eventType() != EventType.VIEWER_REQUEST)
                                .toList());
        functions.add(FunctionAssociation.builder()
                .eventType(EventType.VIEWER_REQUEST)
                .functionARN(arn)
                .build());
        DistributionConfig associated = config.toBuilder()
                .defaultCacheBehavior(behavior.toBuilder()
                        .functionAssociations(a -> a.quantity(functions.size()).items(functions))
                        .build())
                .build();
        requests.count("UPDATE_DISTRIBUTION");
        cloudFront.updateDistribution(
                r -> r.id(distributionId).ifMatch(current.eTag()).distributionConfig(associated));
    }

    private static Optional<FunctionAssociation> viewerRequest(DefaultCacheBehavior behavior) {
        if (behavior == null
                || behavior.functionAssociations() == null
                || !behavior.functionAssociations().hasItems()) {
            return Optional.empty();
        }
        return behavior.functionAssociations().items().stream()
                .filter(f -> f.eventType() == EventType.VIEWER_REQUEST)
                .findFirst();
    }

    @Override
    public Map<String, Integer> requests() {
        return requests.snapshot();
    }
}
