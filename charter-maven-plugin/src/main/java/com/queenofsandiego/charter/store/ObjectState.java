package com.queenofsandiego.charter.store;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Objects;

/**
 * What the manifest remembers of an object the tool put: its MD5 (hex, for S3's Content-MD5 and single-part ETags),
 * charter's own hash of it (SHA-256 hex, also in the object's metadata; absent in manifests written before it), the
 * headers it was stored with, the fingerprint of what it was rendered from (absent in manifests written before
 * fingerprints, and for files not rendered by charter), which lets a deploy skip rendering what is live and
 * unchanged, and the ETag the listing showed for it when that is not its MD5 (SSE-KMS, multipart), so that a later
 * listing can tell it was replaced.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ObjectState(
        String md5, String sha256, String contentType, String cacheControl, String fingerprint, String etag) {

    /** Whether this is the content of {@code object}: by charter's hash, or by MD5 where an old manifest has no other. */
    public boolean sameContent(SiteObject object) {
        return sha256 != null ? sha256.equals(object.sha256()) : md5 != null && md5.equals(object.md5());
    }

    /** The same object as listed under {@code listedEtag}, which is remembered only when it says more than the MD5. */
    public ObjectState listedAs(String listedEtag) {
        String differentEtag = listedEtag.equals(md5) ? null : listedEtag;
        return Objects.equals(differentEtag, etag)
                ? this
                : new ObjectState(md5, sha256, contentType, cacheControl, fingerprint, differentEtag);
    }
}
