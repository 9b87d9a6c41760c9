package com.queenofsandiego.charter.store;

import java.nio.file.Path;

/**
 * A file of the rendered site as it will be stored: its key, content hashes (MD5 for S3's Content-MD5, SHA-256 as
 * charter's own, kept in the object's metadata) and HTTP headers, and the fingerprint of what it was rendered from
 * (null when unknown).
 */
public record SiteObject(
        String key,
        Path file,
        String md5,
        String sha256,
        long size,
        String contentType,
        String cacheControl,
        String fingerprint) {

    /** What the manifest records of it once stored. */
    public ObjectState state() {
        return new ObjectState(md5, sha256, contentType, cacheControl, fingerprint, null);
    }
}
