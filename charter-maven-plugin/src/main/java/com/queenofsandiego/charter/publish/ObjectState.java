package com.queenofsandiego.charter.publish;

/** What the manifest remembers of an object the tool put: its MD5 (hex) and the headers it was stored with. */
public record ObjectState(String md5, String contentType, String cacheControl) {
}
