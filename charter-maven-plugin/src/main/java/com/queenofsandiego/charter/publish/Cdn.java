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

    /** Whether the distribution's default cache behavior runs this function as its viewer-request function; reads only. */
    Association association(String functionName);

    /** Makes the published function the default cache behavior's viewer-request function (a conditional update). */
    void associate(String functionName);

    Map<String, Integer> requests();

    /**
     * What the distribution runs on viewer request.
     *
     * @param distribution "CloudFront distribution E123…", for messages
     * @param current what its default cache behavior runs now, e.g. "no viewer-request function" or "function other"
     */
    record Association(String distribution, boolean associated, String current) {}
}
