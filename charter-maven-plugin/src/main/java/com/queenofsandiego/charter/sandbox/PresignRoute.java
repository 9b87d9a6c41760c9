package com.queenofsandiego.charter.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
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
    private static final ObjectMapper JSON = new ObjectMapper();

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
                send(exchange, 405, Map.of("error", "use GET /g/<booking id>/presign"));
                return;
            }
            if (!bookings.test(path.group(1))) {
                send(exchange, 404, Map.of("error", "no booking " + path.group(1) + " takes photos"));
                return;
            }
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            String filename = query.getOrDefault("filename", "");
            Optional<PhotoUploadLinks.Link> link = links.forPhoto(path.group(1), filename, query.get("content_type"));
            if (link.isEmpty() || filename.isBlank()) {
                send(exchange, 400, Map.of("error", "only JPEG, PNG, HEIC and WebP photos with a file name are taken"));
                return;
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("url", link.get().url());
            body.put("method", link.get().method());
            body.put("headers", link.get().headers());
            body.put("expires_in", link.get().expiresIn());
            send(exchange, 200, body);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new HashMap<>();
        if (raw == null) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                values.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    private static void send(HttpExchange exchange, int status, Map<String, ?> body) throws IOException {
        byte[] json = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, json.length);
        exchange.getResponseBody().write(json);
    }
}
