package com.queenofsandiego.charter.publish;

import java.nio.file.Path;

/** A file of the rendered site as it will be stored: its key, content hash and HTTP headers. */
public record SiteObject(String key, Path file, String md5, long size, String contentType, String cacheControl) {

    /** What decides whether the stored copy is up to date: content and headers. */
    public ObjectState state() {
        return new ObjectState(md5, contentType, cacheControl);
    }
}
