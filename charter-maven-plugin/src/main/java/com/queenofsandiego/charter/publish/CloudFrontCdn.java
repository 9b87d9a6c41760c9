package com.queenofsandiego.charter.publish;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.FunctionRuntime;
import software.amazon.awssdk.services.cloudfront.model.FunctionStage;
import software.amazon.awssdk.services.cloudfront.model.NoSuchFunctionExistsException;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** CloudFront through the AWS SDK: invalidations on one distribution, and its viewer-request function. */
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
        cloudFront.createInvalidation(r -> r.distributionId(distributionId).invalidationBatch(b -> b
                .callerReference(callerReference)
                .paths(p -> p.quantity(paths.size()).items(paths))));
    }

    @Override
    public Optional<String> functionCode(String name) {
        requests.count("GET_FUNCTION");
        try {
            SdkBytes code = cloudFront.getFunction(r -> r.name(name).stage(FunctionStage.LIVE)).functionCode();
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
            String current = cloudFront.describeFunction(r -> r.name(name).stage(FunctionStage.DEVELOPMENT)).eTag();
            requests.count("UPDATE_FUNCTION");
            etag = cloudFront.updateFunction(r -> r.name(name).ifMatch(current).functionCode(bytes)
                    .functionConfig(c -> c.comment(COMMENT).runtime(FunctionRuntime.CLOUDFRONT_JS_2_0))).eTag();
        } catch (NoSuchFunctionExistsException e) {
            requests.count("CREATE_FUNCTION");
            etag = cloudFront.createFunction(r -> r.name(name).functionCode(bytes)
                    .functionConfig(c -> c.comment(COMMENT).runtime(FunctionRuntime.CLOUDFRONT_JS_2_0))).eTag();
        }
        requests.count("PUBLISH_FUNCTION");
        String published = etag;
        cloudFront.publishFunction(r -> r.name(name).ifMatch(published));
    }

    @Override
    public Map<String, Integer> requests() {
        return requests.snapshot();
    }
}
