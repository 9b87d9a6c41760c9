package com.queenofsandiego.charter.site;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The Content-Security-Policy every page carries in a meta tag: scripts, styles and images from the site itself only
 * (no inline script, no inline event handlers), no plugins, no {@code <base>}, forms back to the site. A guest page
 * with photo upload may also connect to SCC, for links, and to the upload host, to PUT photos; any other page connects
 * to nothing but its own site. {@code frame-ancestors} cannot be set from a meta tag: the CDN sends it (see README).
 */
final class ContentSecurityPolicy {

    /** The policy of a page that connects to nothing but its own site. */
    static final String SELF_ONLY =
            "default-src 'self'; img-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'";

    private ContentSecurityPolicy() {}

    /** The policy of a page that also talks to {@code endpoints} (URLs; only their origins count). */
    static String connectingTo(List<String> endpoints) {
        return SELF_ONLY + "; connect-src "
                + endpoints.stream()
                        .map(ContentSecurityPolicy::origin)
                        .distinct()
                        .collect(Collectors.joining(" "));
    }

    /** {@code scheme://host[:port]} of a URL, as CSP and browsers compare origins. */
    static String origin(String url) {
        URI uri = URI.create(url.trim());
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException("not an absolute URL: " + url);
        }
        return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost().toLowerCase(Locale.ROOT)
                + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }
}
