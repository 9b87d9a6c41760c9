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
 */
public record SiteSettings(
        Path displayRoot,
        Path contentDirectory,
        Path themeDirectory,
        Path outputDirectory,
        String siteUrl,
        ZoneId zone,
        Optional<String> sccEndpoint,
        long maxPhotoBytes) {

    public static final long DEFAULT_MAX_PHOTO_BYTES = 25L * 1024 * 1024;

    public SiteSettings {
        siteUrl = siteUrl.endsWith("/") ? siteUrl.substring(0, siteUrl.length() - 1) : siteUrl;
    }

    public Path siteDirectory() {
        return outputDirectory.resolve("site");
    }

    String display(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path root = displayRoot.toAbsolutePath().normalize();
        return (absolute.startsWith(root) ? root.relativize(absolute) : absolute).toString().replace('\\', '/');
    }
}
