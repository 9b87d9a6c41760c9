package com.queenofsandiego.charter.store;

import java.util.Map;
import java.util.Optional;

/**
 * An object store: an S3 bucket ({@link S3Store}) or a directory standing in for one ({@link DirectoryStore}). The site
 * is published to one; the deploy's own records (manifest, ledger, lock) are kept in one too, under {@code .charter/}
 * of the site bucket or in a private bucket ({@link StateStore}).
 */
public interface ObjectStore {

    String PRIVATE_PREFIX = ".charter/";

    /** "s3://bucket" or the directory, for messages. */
    String describe();

    /**
     * Every object outside {@code .charter/}: key → its ETag as listed, without quotes, in no order (it is looked up,
     * tens of thousands of times a plan). S3's is the content's MD5 only for a single-part upload without SSE-KMS, so
     * it is never taken as a content hash on its own.
     */
    Map<String, String> list();

    Optional<Stored> read(String key);

    /** What an object says of itself, without its content (S3: one HEAD); empty when it is gone. */
    Optional<Metadata> head(String key);

    /** Stores the object with its headers and charter's hash of it in its metadata. */
    void upload(SiteObject object);

    /** Writes a small object unconditionally. */
    void write(String key, byte[] content, String contentType);

    /** Writes only if the object is absent; the new version, or empty when the object exists. */
    Optional<String> writeIfAbsent(String key, byte[] content, String contentType);

    /** Writes only if the object is still at {@code version}; the new version, or empty when someone changed it meanwhile. */
    Optional<String> writeIfMatch(String key, byte[] content, String contentType, String version);

    void delete(String key);

    /** Requests sent so far, by kind (LIST, GET, HEAD, PUT, DELETE), for the figures a deploy prints. */
    Map<String, Integer> requests();

    /**
     * An object's own record of what it is: charter's hash (SHA-256 hex) from its metadata, null when something other
     * than charter wrote it, and its headers.
     */
    record Metadata(String sha256, String contentType, String cacheControl) {}

    /** An object's content and the version a conditional write must match. */
    record Stored(byte[] content, String version) {}
}
