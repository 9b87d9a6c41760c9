package com.queenofsandiego.charter.publish;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The CDN in front of the target: CloudFront ({@link CloudFrontCdn}) or its local record ({@link LocalCdn}). */
public interface Cdn {

    /** One invalidation request for these paths. */
    void invalidate(List<String> paths, String callerReference);

    /** The live code of a viewer-request function, or empty when there is none. */
    Optional<String> functionCode(String name);

    /** Creates or updates the function with this code, and publishes it live. */
    void publishFunction(String name, String code);

    Map<String, Integer> requests();
}
