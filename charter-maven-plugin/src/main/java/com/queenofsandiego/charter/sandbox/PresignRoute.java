package com.queenofsandiego.charter.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code GET /g/<booking id>/presign?filename=…&content_type=…&size=<bytes>}, as the contract gives it: a presigned PUT
 * URL that signs the photo's type and size, for a known booking, and only from {@value #OPENS_DAYS_BEFORE} days before
 * the charter's date to {@value #CLOSES_DAYS_AFTER} days after it. 404 for an unknown booking, 403 outside that
 * window, 400 for a refused type or a missing size, 413 for a photo over the limit. No auth header: the guest's
 * browser calls it, and booking ids are sequential, so the window and the size limit are what keeps strangers out.
 */
public final class PresignRoute implements HttpHandler {

    public static final Pattern PATH = Pattern.compile("/g/([A-Za-z0-9._-]{1,64})/presign");
    public static final int OPENS_DAYS_BEFORE = 2;
    public static final int CLOSES_DAYS_AFTER = 30;
    private static final Pattern SIZE = Pattern.compile("[0-9]{1,18}");

    private final Function<String, Optional<LocalDate>> charterDates;
    private final UploadLinks links;
    private final long maxPhotoBytes;
    private final Clock clock;

    /**
     * @param charterDates the date of the charter of each booking that takes photos; empty for any other id
     * @param clock now, in the site's time zone (the zone of the charters' dates)
     */
    public PresignRoute(
            Function<String, Optional<LocalDate>> charterDates, UploadLinks links, long maxPhotoBytes, Clock clock) {
        this.charterDates = charterDates;
        this.links = links;
        this.maxPhotoBytes = maxPhotoBytes;
        this.clock = clock;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Matcher path = PATH.matcher(exchange.getRequestURI().getPath());
            if (!exchange.getRequestMethod().equals("GET") || !path.matches()) {
                JsonExchange.send(exchange, 405, Map.of("error", "use GET /g/<booking id>/presign"));
                return;
            }
            String bookingId = path.group(1);
            Optional<LocalDate> charterDate = charterDates.apply(bookingId);
            if (charterDate.isEmpty()) {
                JsonExchange.send(exchange, 404, Map.of("error", "no booking " + bookingId + " takes photos"));
                return;
            }
            LocalDate today = LocalDate.now(clock);
            LocalDate opens = charterDate.get().minusDays(OPENS_DAYS_BEFORE);
            LocalDate closes = charterDate.get().plusDays(CLOSES_DAYS_AFTER);
            if (today.isBefore(opens) || today.isAfter(closes)) {
                JsonExchange.send(
                        exchange,
                        403,
                        Map.of(
                                "error",
                                "photos for this charter can be uploaded from " + opens + " to " + closes + " only"));
                return;
            }
            Map<String, String> query = JsonExchange.query(exchange);
            String filename = query.getOrDefault("filename", "");
            String size = query.getOrDefault("size", "");
            if (!SIZE.matcher(size).matches() || Long.parseLong(size) == 0) {
                JsonExchange.send(exchange, 400, Map.of("error", "give the photo's size in bytes: size=<bytes>"));
                return;
            }
            if (Long.parseLong(size) > maxPhotoBytes) {
                JsonExchange.send(exchange, 413, Map.of("error", "a photo may be at most " + maxPhotoBytes + " bytes"));
                return;
            }
            Optional<UploadLinks.Link> link =
                    links.forPhoto(bookingId, filename, query.get("content_type"), Long.parseLong(size));
            if (link.isEmpty() || filename.isBlank()) {
                JsonExchange.send(
                        exchange,
                        400,
                        Map.of("error", "only JPEG, PNG, HEIC and WebP photos with a file name are taken"));
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
