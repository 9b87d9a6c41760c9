package com.queenofsandiego.charter.publish;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What the manifest remembers of an object the tool put: its MD5 (hex), the headers it was stored with, and the
 * fingerprint of what it was rendered from (absent in manifests written before fingerprints, and for files not
 * rendered by charter), which lets a deploy skip rendering what is live and unchanged.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ObjectState(String md5, String contentType, String cacheControl, String fingerprint) {
}
