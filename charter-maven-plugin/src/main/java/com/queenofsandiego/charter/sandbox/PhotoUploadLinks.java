package com.queenofsandiego.charter.sandbox;

import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

import java.text.Normalizer;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Makes the answer of the presign route: a SigV4-presigned PUT URL for one guest photo, under
 * {@code uploads/<booking-id>/<uuid>-<safe filename>}, valid for 15 minutes, for photo types only. The URL signs
 * Content-Type and Content-Length, so storage itself refuses another type or a body of another size.
 */
public final class PhotoUploadLinks implements UploadLinks {

    public static final Duration EXPIRY = Duration.ofMinutes(15);
    public static final Set<String> CONTENT_TYPES =
            Set.of("image/jpeg", "image/png", "image/heic", "image/heif", "image/webp");
    private static final int MAX_NAME = 80;

    private final S3Presigner presigner;
    private final String bucket;

    public PhotoUploadLinks(S3Presigner presigner, String bucket) {
        this.presigner = presigner;
        this.bucket = bucket;
    }

    @Override
    public Optional<Link> forPhoto(String bookingId, String filename, String contentType, long size) {
        Optional<String> photoType = photoType(contentType);
        if (photoType.isEmpty()) {
            return Optional.empty();
        }
        String type = photoType.get();
        String key = newKey(bookingId, filename);
        PresignedPutObjectRequest presigned = presigner.presignPutObject(request -> request.signatureDuration(EXPIRY)
                .putObjectRequest(PutObjectRequest.builder()
                        .bucket(bucket)
                        .key(key)
                        .contentType(type)
                        .contentLength(size)
                        .build()));
        return Optional.of(new Link(
                presigned.url().toString(),
                "PUT",
                Map.of("Content-Type", type, "Content-Length", Long.toString(size)),
                EXPIRY.toSeconds(),
                key));
    }

    /** The content type, trimmed and in lower case, when it is one of the photo types taken; empty otherwise. */
    public static Optional<String> photoType(String contentType) {
        String type = contentType == null ? "" : contentType.trim().toLowerCase(Locale.ROOT);
        return CONTENT_TYPES.contains(type) ? Optional.of(type) : Optional.empty();
    }

    /** A fresh key for one photo: {@code uploads/<booking-id>/<uuid>-<safe filename>}. */
    public static String newKey(String bookingId, String filename) {
        return "uploads/" + bookingId + "/" + UUID.randomUUID() + "-" + safeName(filename);
    }

    /** A file name reduced to letters, digits, '.', '_' and '-': no path, no spaces, no surprises in a key. */
    public static String safeName(String filename) {
        String base = filename == null ? "" : filename.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        String ascii = Normalizer.normalize(base, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String safe = ascii.replaceAll("[^A-Za-z0-9._-]+", "-")
                .replaceAll("^[.-]+", "")
                .replaceAll("-+", "-");
        if (safe.length() > MAX_NAME) {
            safe = safe.substring(safe.length() - MAX_NAME);
        }
        return safe.isEmpty() ? "photo" : safe;
    }
}
