package com.queenofsandiego.charter.publish;

import java.util.ArrayList;
import java.util.List;

/** The URL paths under which CloudFront may hold a copy of an object, and how to send them in as few requests as allowed. */
public final class InvalidationPaths {

    /** CloudFront takes at most 3,000 individual paths in progress at once per distribution. */
    public static final int MAX_PATHS = 3000;

    private InvalidationPaths() {}

    /** {@code g/abc.html} is served at {@code /g/abc} and {@code /g/abc.html}; {@code index.html} also at {@code /}. */
    public static List<String> of(String key) {
        List<String> paths = new ArrayList<>();
        if (key.startsWith("g/") && key.endsWith(".html")) {
            String clean = "/" + key.substring(0, key.length() - ".html".length());
            paths.add(clean);
        } else if (key.equals("index.html")) {
            paths.add("/");
        }
        paths.add("/" + key);
        return paths;
    }

    /** The paths of one request: all of them, or {@code /g/*} for a large change of guest pages, or {@code /*}. */
    public static List<String> batch(List<String> paths) {
        if (paths.size() <= MAX_PATHS) {
            return paths;
        }
        List<String> collapsed =
                new ArrayList<>(paths.stream().filter(p -> !p.startsWith("/g/")).toList());
        collapsed.add("/g/*");
        return collapsed.size() <= MAX_PATHS ? collapsed : List.of("/*");
    }
}
