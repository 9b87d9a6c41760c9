package com.queenofsandiego.charter.sandbox;

import java.util.Map;
import java.util.Optional;

/**
 * What the presign route asks for a link: production's SigV4 links ({@link PhotoUploadLinks}) or the preview's own
 * receiver's ({@code serve.PhotoReceiver}). Either way a link is for one key under
 * {@code uploads/<booking-id>/<uuid>-<safe filename>}, one photo type and one size, for {@link PhotoUploadLinks#EXPIRY}.
 */
public interface UploadLinks {

    /** The link, as the contract's JSON answer: {@code url}, {@code method}, {@code headers}, {@code expires_in}. */
    record Link(String url, String method, Map<String, String> headers, long expiresIn, String key) {}

    /** A link for a photo of exactly {@code size} bytes, or empty when the content type is not a photo type (the route answers 400). */
    Optional<Link> forPhoto(String bookingId, String filename, String contentType, long size);
}
