package com.queenofsandiego.charter.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code GET /g/<booking id>/presign?filename=…&content_type=…}, as the contract gives it: a presigned PUT URL for a
 * known booking and a photo type; 404 for an unknown booking, 400 for a refused type. No auth header: the guest's
 * browser calls it.
 */
public final class PresignRoute implements HttpHandler {

    public static final Pattern PATH = Pattern.compile("/g/([A-Za-z0-9._-]{1,64})/presign");

    private final Predicate<String> bookings;
    private final PhotoUploadLinks links;

    /** @param bookings whether a booking id is one that takes photos */
    public PresignRoute(Predicate<String> bookings, PhotoUploadLinks links) {
        this.bookings = bookings;
        this.links = links;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Matcher path = PATH.matcher(exchange.getRequestURI().getPath());
            if (!exchange.getRequestMethod().equals("GET") || !path.matches()) {
                JsonExchange.send(exchange, 405, Map.of("error", "use GET /g/<booking id>/presign"));
                return;
            }
            if (!bookings.test(path.group(1))) {
                JsonExchange.send(exchange, 404, Map.of("error", "no booking " + path.group(1) + " takes photos"));
                return;
            }
            Map<String, String> query = JsonExchange.query(exchange);
            String filename = query.getOrDefault("filename", "");
            Optional<PhotoUploadLinks.Link> link = links.forPhoto(path.group(1), filename, query.get("content_type"));
            if (link.isEmpty() || filename.isBlank()) {
                JsonExchange.send(exchange, 400, Map.of("error", "only JPEG, PNG, HEIC and WebP photos with a file name are taken"));
                return;
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("url", link.get().url());
            body.put("method", link.get().method());
            body.put("headers", link.get().headers());
            body.put("expires_in", link.get().expiresIn());
            JsonExchange.send(exchange, 200, body);
        }
    }
}
