package com.queenofsandiego.charter.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** What the sandbox's HTTP routes share: reading the query string, and answering with JSON that is never cached. */
final class JsonExchange {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonExchange() {}

    static Map<String, String> query(HttpExchange exchange) {
        return query(exchange.getRequestURI().getRawQuery());
    }

    /** The parameters of a raw query string (null when there is none). */
    static Map<String, String> query(String raw) {
        Map<String, String> values = new HashMap<>();
        if (raw == null) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                values.put(
                        URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    /** Answers {@code body} as JSON, or with no body at all when it is null. */
    static void send(HttpExchange exchange, int status, Object body) throws IOException {
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        if (body == null) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        byte[] json = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, json.length);
        exchange.getResponseBody().write(json);
    }
}
