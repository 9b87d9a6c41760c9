package com.queenofsandiego.charter.publish;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Content-Type and Cache-Control for each kind of file the site holds. */
public final class ObjectKinds {

    /** Assets carry their content hash in the name: a changed file is a new name, so a copy may be kept forever. */
    public static final String IMMUTABLE = "public, max-age=31536000, immutable";
    /** Pages, calendar files, the sitemap: short, so an edit shows within minutes even before an invalidation lands. */
    public static final String SHORT = "public, max-age=300";

    private static final Pattern HASHED_ASSET = Pattern.compile("assets/.*\\.[0-9a-f]{10}(\\.[A-Za-z0-9]+)?");
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("json", "application/json; charset=utf-8"),
            Map.entry("xml", "application/xml; charset=utf-8"),
            Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("ics", "text/calendar; charset=utf-8"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("webp", "image/webp"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("woff2", "font/woff2"));

    private ObjectKinds() {}

    public static String contentType(String key) {
        int dot = key.lastIndexOf('.');
        String extension = dot < 0 ? "" : key.substring(dot + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(extension, "application/octet-stream");
    }

    public static String cacheControl(String key) {
        return HASHED_ASSET.matcher(key).matches() ? IMMUTABLE : SHORT;
    }

    public static boolean isAsset(String key) {
        return key.startsWith("assets/");
    }

    /** Sitemap and robots go last: they should only name pages that are already there. */
    public static boolean isIndex(String key) {
        return key.equals("sitemap.xml") || key.equals("robots.txt");
    }
}
