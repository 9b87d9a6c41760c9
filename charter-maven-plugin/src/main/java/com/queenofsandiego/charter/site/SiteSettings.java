package com.queenofsandiego.charter.site;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Optional;

/**
 * What rendering needs besides the bookings.
 *
 * @param displayRoot paths in messages are relative to this (the repository root)
 * @param outputDirectory the charter output directory; the site goes to {@code site/} inside it
 * @param sccEndpoint SCC's base URL, which the photo widget asks for upload links; none disables uploads
 * @param uploadOrigin where the photo widget PUTs photos (the origin of SCC's presigned URLs, e.g. the bucket's S3
 *     endpoint): pages may connect to it and to SCC only, so none disables uploads too
 */
public record SiteSettings(
        Path displayRoot,
        Path contentDirectory,
        Path themeDirectory,
        Path outputDirectory,
        String siteUrl,
        ZoneId zone,
        Optional<String> sccEndpoint,
        Optional<String> uploadOrigin,
        long maxPhotoBytes) {

    public static final long DEFAULT_MAX_PHOTO_BYTES = 25L * 1024 * 1024;

    public SiteSettings {
        siteUrl = siteUrl.endsWith("/") ? siteUrl.substring(0, siteUrl.length() - 1) : siteUrl;
        uploadOrigin = uploadOrigin.map(ContentSecurityPolicy::origin);
    }

    /** Whether guest pages offer photo upload: they need SCC for links and the upload host for their policy. */
    boolean uploads() {
        return sccEndpoint.isPresent() && uploadOrigin.isPresent();
    }

    public Path siteDirectory() {
        return outputDirectory.resolve("site");
    }

    String display(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path root = displayRoot.toAbsolutePath().normalize();
        return (absolute.startsWith(root) ? root.relativize(absolute) : absolute)
                .toString()
                .replace('\\', '/');
    }
}
