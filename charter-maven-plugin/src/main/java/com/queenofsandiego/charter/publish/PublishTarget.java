package com.queenofsandiego.charter.publish;

import java.util.Map;
import java.util.Optional;

/**
 * Where the site is published: an S3 bucket ({@link S3Target}) or a directory standing in for one
 * ({@link DirectoryTarget}). Keys under {@code .charter/} hold the tool's own records (manifest, ledger, lock).
 */
public interface PublishTarget {

    String PRIVATE_PREFIX = ".charter/";

    /** "s3://bucket" or the directory, for messages. */
    String describe();

    /** Every object outside {@code .charter/}: key → MD5 in hex when the store knows it (S3: a single-part ETag). */
    Map<String, String> list();

    Optional<Stored> read(String key);

    void upload(SiteObject object);

    /** Writes a small object unconditionally. */
    void write(String key, byte[] content, String contentType);

    /** Writes only if the object is absent; the new version, or empty when the object exists. */
    Optional<String> writeIfAbsent(String key, byte[] content, String contentType);

    /** Writes only if the object is still at {@code version}; the new version, or empty when someone changed it meanwhile. */
    Optional<String> writeIfMatch(String key, byte[] content, String contentType, String version);

    void delete(String key);

    /** Saves what the target keeps in memory between requests; called after each phase of a deploy. */
    default void flush() {
    }

    /** Requests sent so far, by kind (LIST, GET, PUT, DELETE), for the figures a deploy prints. */
    Map<String, Integer> requests();

    /** An object's content and the version a conditional write must match. */
    record Stored(byte[] content, String version) {
    }
}
