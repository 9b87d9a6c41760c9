package com.queenofsandiego.charter.serve;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Production routing, as the CloudFront function {@code path-rewriter} does it, for the local preview:
 * {@code /g/<slug>} and {@code /g/<slug>/} serve {@code g/<slug>.html}; {@code /} serves {@code index.html}
 * (CloudFront's default root object); the tool's private {@code /.charter/} paths are not found; anything else is
 * served as it is.
 */
public final class SiteRouting {

    private static final Pattern GUEST_PAGE = Pattern.compile("/g/([a-z0-9][a-z0-9-]*)/?");

    private SiteRouting() {
    }

    /** The object key to serve for a request path (without query string), or empty for 404. */
    public static Optional<String> keyFor(String path) {
        if (path.isEmpty() || path.equals("/")) {
            return Optional.of("index.html");
        }
        String plain = path.replaceAll("(?i)%2e", ".");
        if (!path.startsWith("/") || plain.startsWith("/.charter/") || plain.equals("/.charter")) {
            return Optional.empty();
        }
        Matcher guest = GUEST_PAGE.matcher(path);
        if (guest.matches()) {
            return Optional.of("g/" + guest.group(1) + ".html");
        }
        if (path.endsWith("/")) {
            return Optional.empty();
        }
        return Optional.of(path.substring(1));
    }
}
