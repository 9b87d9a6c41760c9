package com.queenofsandiego.charter.publish;

import java.nio.file.Path;

/**
 * A file of the rendered site as it will be stored: its key, content hash and HTTP headers, and the fingerprint of
 * what it was rendered from (null when unknown).
 */
public record SiteObject(String key, Path file, String md5, long size, String contentType, String cacheControl, String fingerprint) {

    /** What the manifest records of it once stored. */
    public ObjectState state() {
        return new ObjectState(md5, contentType, cacheControl, fingerprint);
    }
}
