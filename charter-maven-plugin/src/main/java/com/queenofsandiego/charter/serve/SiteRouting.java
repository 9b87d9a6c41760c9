package com.queenofsandiego.charter.serve;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Production routing, as the CloudFront function {@code path-rewriter} does it, for the local preview:
 * {@code /g/<slug>} and {@code /g/<slug>/} serve {@code g/<slug>.html}; {@code /} serves {@code index.html}
 * (CloudFront's default root object); the tool's private {@code /.charter/} paths, in any spelling, are not found; anything else is
 * served as it is.
 */
public final class SiteRouting {

    private static final Pattern GUEST_PAGE = Pattern.compile("/g/([a-z0-9][a-z0-9-]*)/?");

    private SiteRouting() {}

    /** The object key to serve for a request path (without query string), or empty for 404. */
    public static Optional<String> keyFor(String path) {
        if (path.isEmpty() || path.equals("/")) {
            return Optional.of("index.html");
        }
        if (!path.startsWith("/") || isPrivate(path)) {
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

    /** As the function reads a path: decoded until it stops changing, '\\' as '/', dot segments resolved, any case. */
    static boolean isPrivate(String path) {
        String decoded = path;
        for (int i = 0; i < 5; i++) {
            Optional<String> once = percentDecoded(decoded);
            if (once.isEmpty()) {
                return true;
            }
            if (once.get().equals(decoded)) {
                break;
            }
            decoded = once.get();
        }
        Deque<String> resolved = new ArrayDeque<>();
        for (String segment :
                decoded.replace('\\', '/').toLowerCase(Locale.ROOT).split("/")) {
            if (segment.equals("..")) {
                resolved.pollLast();
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                resolved.addLast(segment);
            }
        }
        return ".charter".equals(resolved.peekFirst());
    }

    /** One round of %XX decoding as UTF-8 (no '+' for space, unlike a form); empty when an escape is malformed. */
    private static Optional<String> percentDecoded(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '%') {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
                continue;
            }
            if (i + 2 >= text.length()
                    || Character.digit(text.charAt(i + 1), 16) < 0
                    || Character.digit(text.charAt(i + 2), 16) < 0) {
                return Optional.empty();
            }
            bytes.write(Character.digit(text.charAt(i + 1), 16) * 16 + Character.digit(text.charAt(i + 2), 16));
            i += 2;
        }
        return Optional.of(bytes.toString(StandardCharsets.UTF_8));
    }
}
