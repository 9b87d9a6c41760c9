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
public final class PhotoUploadLinks {

    public static final Duration EXPIRY = Duration.ofMinutes(15);
    public static final Set<String> CONTENT_TYPES = Set.of("image/jpeg", "image/png", "image/heic", "image/heif", "image/webp");
    private static final int MAX_NAME = 80;

    private final S3Presigner presigner;
    private final String bucket;

    public PhotoUploadLinks(S3Presigner presigner, String bucket) {
        this.presigner = presigner;
        this.bucket = bucket;
    }

    /** The link, as the contract's JSON answer: {@code url}, {@code method}, {@code headers}, {@code expires_in}. */
    public record Link(String url, String method, Map<String, String> headers, long expiresIn, String key) {
    }

    /** A link for a photo of exactly {@code size} bytes, or empty when the content type is not a photo type (the route answers 400). */
    public Optional<Link> forPhoto(String bookingId, String filename, String contentType, long size) {
        String type = contentType == null ? "" : contentType.trim().toLowerCase(Locale.ROOT);
        if (!CONTENT_TYPES.contains(type)) {
            return Optional.empty();
        }
        String key = "uploads/" + bookingId + "/" + UUID.randomUUID() + "-" + safeName(filename);
        PresignedPutObjectRequest presigned = presigner.presignPutObject(request -> request
                .signatureDuration(EXPIRY)
                .putObjectRequest(PutObjectRequest.builder().bucket(bucket).key(key).contentType(type).contentLength(size).build()));
        return Optional.of(new Link(presigned.url().toString(), "PUT",
                Map.of("Content-Type", type, "Content-Length", Long.toString(size)), EXPIRY.toSeconds(), key));
    }

    /** A file name reduced to letters, digits, '.', '_' and '-': no path, no spaces, no surprises in a key. */
    static String safeName(String filename) {
        String base = filename == null ? "" : filename.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        String ascii = Normalizer.normalize(base, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String safe = ascii.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[.-]+", "").replaceAll("-+", "-");
        if (safe.length() > MAX_NAME) {
            safe = safe.substring(safe.length() - MAX_NAME);
        }
        return safe.isEmpty() ? "photo" : safe;
    }
}
