package com.queenofsandiego.charter.serve;

import com.queenofsandiego.charter.sandbox.PhotoUploadLinks;
import com.queenofsandiego.charter.sandbox.UploadLinks;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

/**
 * Where the preview's guest pages PUT photos: a small HTTP server on 127.0.0.1 (its own port, so the page uploads across
 * origins as it does to the production bucket), and the maker of its links for the presign route.
 * <p>
 * A link is {@code http://127.0.0.1:<port>/uploads/<booking-id>/<uuid>-<safe name>?type=…&length=…&expires=…&signature=…},
 * the signature an HMAC-SHA256, under a random key of this process only, of the method, key, type, length and expiry.
 * A PUT is taken only when the signature is this process's (compared in constant time), the link has not expired,
 * Content-Type is the signed type, Content-Length the signed length (no chunked bodies), the key is one a link could
 * name and stays inside the directory, and a browser's Origin, if any, is the page's. The body is streamed to a hidden
 * temporary file, never more than the signed length, and moved to {@code <directory>/<booking-id>/<uuid>-<name>} once
 * complete; a short body leaves nothing behind. A preflight is answered for the page's origin, PUT and Content-Type only.
 * Nothing is ever served back: there is no GET.
 */
public final class PhotoReceiver implements AutoCloseable {

    /** The prefix of every key a link names; the receiver's directory stands for it. */
    public static final String PREFIX = "uploads/";

    private static final Pattern KEY = Pattern.compile(
            "uploads/[A-Za-z0-9_][A-Za-z0-9._-]{0,63}/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}-[A-Za-z0-9_][A-Za-z0-9._-]{0,79}");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,18}");
    private static final String HMAC = "HmacSHA256";
    private static final int BUFFER = 64 * 1024;

    private final Path directory;
    private final String pageOrigin;
    private final long maxBytes;
    private final Clock clock;
    private final byte[] secret;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4, runnable -> {
        Thread thread = new Thread(runnable, "charter-photos");
        thread.setDaemon(true);
        return thread;
    });

    private PhotoReceiver(Path directory, String pageOrigin, long maxBytes, Clock clock, HttpServer server) {
        this.directory = directory.toAbsolutePath().normalize();
        this.pageOrigin = pageOrigin;
        this.maxBytes = maxBytes;
        this.clock = clock;
        this.secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.server = server;
    }

    /**
     * Starts receiving on a free port of 127.0.0.1 into {@code directory} (which stands for the {@value #PREFIX} prefix);
     * {@code pageOrigin} (e.g. http://127.0.0.1:8080) may PUT to it from a browser; no photo over {@code maxBytes}.
     */
    public static PhotoReceiver start(Path directory, String pageOrigin, long maxBytes) throws IOException {
        return start(directory, pageOrigin, maxBytes, Clock.systemUTC());
    }

    static PhotoReceiver start(Path directory, String pageOrigin, long maxBytes, Clock clock) throws IOException {
        Files.createDirectories(directory);
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        PhotoReceiver receiver = new PhotoReceiver(directory, pageOrigin, maxBytes, clock, http);
        http.createContext("/", receiver::handle);
        http.setExecutor(receiver.executor);
        http.start();
        return receiver;
    }

    /** Where pages PUT photos: the origin their Content-Security-Policy must let them connect to. */
    public String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The directory photos land in, one directory per booking. */
    public Path directory() {
        return directory;
    }

    /** Where the photo of {@code key} ({@code uploads/<booking-id>/…}) lands, or the directory of a booking's photos. */
    public Path file(String key) {
        return directory.resolve(key.startsWith(PREFIX) ? key.substring(PREFIX.length()) : key);
    }

    /** The links of this receiver, for the presign route. */
    public UploadLinks links() {
        return (bookingId, filename, contentType, size) -> {
            Optional<String> type = PhotoUploadLinks.photoType(contentType);
            String key = PhotoUploadLinks.newKey(bookingId, filename);
            if (type.isEmpty()
                    || size <= 0
                    || size > maxBytes
                    || !KEY.matcher(key).matches()) {
                return Optional.empty();
            }
            long expires = clock.instant().getEpochSecond() + PhotoUploadLinks.EXPIRY.toSeconds();
            String url =
                    origin() + "/" + key + "?type=" + URLEncoder.encode(type.get(), StandardCharsets.UTF_8) + "&length="
                            + size + "&expires=" + expires + "&signature=" + signature(key, type.get(), size, expires);
            return Optional.of(new UploadLinks.Link(
                    url,
                    "PUT",
                    Map.of("Content-Type", type.get(), "Content-Length", Long.toString(size)),
                    PhotoUploadLinks.EXPIRY.toSeconds(),
                    key));
        };
    }

    /** The signature of a PUT of {@code key}: base64url HMAC-SHA256 under this process's key. */
    String signature(String key, String type, long length, long expires) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(key, type, length, expires));
    }

    private byte[] hmac(String key, String type, long length, long expires) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(secret, HMAC));
            return mac.doFinal(
                    ("PUT\n" + key + "\n" + type + "\n" + length + "\n" + expires).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no " + HMAC + " in this JDK", e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String origin = exchange.getRequestHeaders().getFirst("Origin");
            boolean pageAsks = pageOrigin.equals(origin);
            if (pageAsks) {
                Headers headers = exchange.getResponseHeaders();
                headers.set("Access-Control-Allow-Origin", pageOrigin);
                headers.set("Access-Control-Expose-Headers", "ETag");
            }
            exchange.getResponseHeaders().set("Vary", "Origin");
            if (origin != null && !pageAsks) {
                refuse(exchange, 403, "only " + pageOrigin + " may send photos here");
            } else if (exchange.getRequestMethod().equals("OPTIONS")) {
                preflight(exchange, pageAsks);
            } else if (exchange.getRequestMethod().equals("PUT")) {
                put(exchange);
            } else {
                exchange.getResponseHeaders().set("Allow", "PUT, OPTIONS");
                refuse(exchange, 405, "photos are sent with PUT to a link the preview gave");
            }
        }
    }

    private void preflight(HttpExchange exchange, boolean pageAsks) throws IOException {
        Headers request = exchange.getRequestHeaders();
        String method = request.getFirst("Access-Control-Request-Method");
        String asked = Optional.ofNullable(request.getFirst("Access-Control-Request-Headers"))
                .orElse("");
        boolean onlyContentType = List.of(asked.split(",")).stream()
                .map(h -> h.trim().toLowerCase(Locale.ROOT))
                .allMatch(h -> h.isEmpty() || h.equals("content-type"));
        if (!pageAsks || !"PUT".equals(method) || !onlyContentType) {
            exchange.getResponseHeaders().remove("Access-Control-Allow-Origin");
            refuse(exchange, 403, "only " + pageOrigin + " may PUT photos with a Content-Type here");
            return;
        }
        exchange.getResponseHeaders().set("Access-Control-Allow-Methods", "PUT");
        exchange.getResponseHeaders().set("Access-Control-Allow-Headers", "content-type");
        exchange.getResponseHeaders().set("Access-Control-Max-Age", "600");
        exchange.sendResponseHeaders(204, -1);
    }

    private void put(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        String key = path == null || path.isEmpty() ? "" : path.substring(1);
        // Only keys a link could name: no escapes (%), no dot segments, one booking directory, one file.
        if (!KEY.matcher(key).matches()) {
            refuse(exchange, 400, "not a key of a photo link");
            return;
        }
        Path target = file(key).normalize();
        if (!target.startsWith(directory) || !target.getParent().getParent().equals(directory)) {
            refuse(exchange, 400, "not a key of a photo link");
            return;
        }
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        String type = query.get("type");
        String length = query.get("length");
        String expires = query.get("expires");
        if (type == null
                || length == null
                || expires == null
                || !DIGITS.matcher(length).matches()
                || !DIGITS.matcher(expires).matches()
                || !signedHere(key, type, Long.parseLong(length), Long.parseLong(expires), query.get("signature"))) {
            refuse(exchange, 403, "not a link this preview gave");
            return;
        }
        if (clock.instant().getEpochSecond() > Long.parseLong(expires)) {
            refuse(exchange, 403, "the link has expired; ask for a fresh one");
            return;
        }
        List<String> contentType = exchange.getRequestHeaders().get("Content-Type");
        if (contentType == null
                || contentType.size() != 1
                || !type.equalsIgnoreCase(contentType.get(0).trim())) {
            refuse(exchange, 403, "the link is for a photo of type " + type);
            return;
        }
        long size = Long.parseLong(length);
        List<String> contentLength = exchange.getRequestHeaders().get("Content-Length");
        if (exchange.getRequestHeaders().containsKey("Transfer-Encoding")
                || contentLength == null
                || contentLength.size() != 1) {
            refuse(exchange, 411, "send the photo with its Content-Length");
            return;
        }
        if (!contentLength.get(0).trim().equals(length)) {
            refuse(exchange, 403, "the link is for a photo of " + length + " bytes");
            return;
        }
        if (size > maxBytes) {
            refuse(exchange, 413, "a photo may be at most " + maxBytes + " bytes");
            return;
        }
        Optional<String> etag = receive(exchange.getRequestBody(), size, target);
        if (etag.isEmpty()) {
            refuse(exchange, 400, "the photo did not arrive whole");
            return;
        }
        exchange.getResponseHeaders().set("ETag", "\"" + etag.get() + "\"");
        exchange.sendResponseHeaders(200, -1);
    }

    private boolean signedHere(String key, String type, long length, long expires, String signature) {
        if (signature == null) {
            return false;
        }
        byte[] given;
        try {
            given = Base64.getUrlDecoder().decode(signature);
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        return MessageDigest.isEqual(hmac(key, type, length, expires), given);
    }

    /**
     * Streams exactly {@code size} bytes to a temporary file beside {@code target} and moves it there; the body's MD5 in
     * hex (as S3's ETag), or empty when fewer bytes came (nothing is left behind). More than {@code size} is never read.
     */
    private Optional<String> receive(InputStream body, long size, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        Path part = Files.createTempFile(target.getParent(), ".upload-", ".part");
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            long received = 0;
            byte[] buffer = new byte[BUFFER];
            try (OutputStream out = Files.newOutputStream(part)) {
                while (received < size) {
                    int n = body.read(buffer, 0, (int) Math.min(buffer.length, size - received));
                    if (n < 0) {
                        break;
                    }
                    out.write(buffer, 0, n);
                    md5.update(buffer, 0, n);
                    received += n;
                }
            } catch (IOException cutShort) {
                // the client went away mid-photo
            }
            if (received != size) {
                return Optional.empty();
            }
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return Optional.of(HexFormat.of().formatHex(md5.digest()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no MD5 in this JDK", e);
        } finally {
            Files.deleteIfExists(part);
        }
    }

    /** The query's parameters; a parameter given twice counts as not given, so no link can mean two things. */
    private static Map<String, String> query(String raw) {
        Map<String, String> values = new HashMap<>();
        if (raw == null) {
            return values;
        }
        Map<String, Integer> seen = new HashMap<>();
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                try {
                    String name = URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8);
                    values.put(name, URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                    seen.merge(name, 1, Integer::sum);
                } catch (IllegalArgumentException badEscape) {
                    return Map.of();
                }
            }
        }
        seen.forEach((name, times) -> {
            if (times > 1) {
                values.remove(name);
            }
        });
        return values;
    }

    private static void refuse(HttpExchange exchange, int status, String message) throws IOException {
        byte[] body = (message + "\n").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }
}
