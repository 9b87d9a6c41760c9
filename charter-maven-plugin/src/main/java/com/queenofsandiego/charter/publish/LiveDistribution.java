package com.queenofsandiego.charter.publish;

import java.util.Optional;

/**
 * What the distribution runs now, read once before planning: the live code of the function and whether the default
 * cache behavior runs it on viewer request.
 */
public record LiveDistribution(Optional<String> functionCode, Cdn.Association association) {

    public static LiveDistribution read(Cdn cdn) {
        return new LiveDistribution(
                cdn.functionCode(PublishPlanner.FUNCTION_NAME), cdn.association(PublishPlanner.FUNCTION_NAME));
    }
}
