package com.queenofsandiego.charter.reconcile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.queenofsandiego.charter.store.RequestCounter;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.FailsafeExecutor;
import dev.failsafe.RetryPolicy;
import dev.failsafe.function.CheckedSupplier;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Talks to JADA or SCC as the contract says, over the JDK's {@link HttpURLConnection}; safe to call from several
 * threads. Transient failures (5xx, timeouts, resets) are retried with exponential backoff and jitter (Failsafe); a 429
 * closes a gate that holds every call to this system until its {@code Retry-After} has passed, then the call is
 * retried; other 4xx are not retried. A retried create carries the same {@code Idempotency-Key}, and is preceded by a
 * lookup by {@code external_id} in case the earlier attempt reached the server. The secret goes in one header and
 * nowhere else.
 */
public final class RemoteClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Jitter spreads retries by up to this share of the delay either way. */
    private static final double JITTER = 0.25;

    private final RemoteSystem system;
    private final String base;
    private final Secret secret;
    private final RetrySettings retry;
    private final FailsafeExecutor<Object> retrier;
    private final RequestCounter requests = new RequestCounter();
    private final RateLimitGate gate = new RateLimitGate();

    public RemoteClient(RemoteSystem system, URI base, Secret secret, RetrySettings retry) {
        this.system = system;
        this.base = base.toString().replaceAll("/+$", "");
        this.secret = secret;
        this.retry = retry;
        this.retrier = Failsafe.with(RetryPolicy.builder()
                .handle(Transient.class)
                .withMaxRetries(retry.retries())
                .withBackoff(retry.firstDelay(), retry.maxDelay())
                .withJitter(JITTER)
                // The gate makes a rate-limited call wait, with every other call to this system.
                .withDelayFnOn(context -> Duration.ZERO, RateLimited.class)
                .abortIf((result, failure) -> failure instanceof RateLimited limited && tooLong(limited))
                .build());
    }

    /** Every entry whose {@code external_id} is the booking id. */
    public List<RemoteEntry> find(String bookingId) {
        String path = system.collection() + "?external_id=" + URLEncoder.encode(bookingId, StandardCharsets.UTF_8);
        Response response = retrying(() -> send("GET", path, null, null));
        expect(response, "GET " + path, 200);
        JsonNode list = response.json();
        if (!list.isArray()) {
            throw new RemoteException(
                    RemoteException.Kind.REFUSED,
                    system.label() + " answered GET " + path + " with "
                            + list.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + ", not a list of entries");
        }
        List<RemoteEntry> found = new ArrayList<>();
        for (JsonNode entry : list) {
            // A server that ignored the filter must not make another booking's entry ours.
            if (bookingId.equals(entry.path("external_id").asText())) {
                found.add(new RemoteEntry(id(entry, "GET " + path), entry));
            }
        }
        return found;
    }

    /** What a create ended with: the new id, or the id of an entry an earlier attempt had created. */
    public record Created(String id, boolean adopted) {}

    /** Creates an entry; never twice, however often it has to be retried. */
    public Created create(String bookingId, RemoteBody body) {
        String key = body.idempotencyKey(bookingId);
        AtomicBoolean attempted = new AtomicBoolean();
        return retrying(() -> {
            if (attempted.getAndSet(true)) {
                // The last attempt may have reached the server before it failed.
                List<RemoteEntry> found = find(bookingId);
                if (!found.isEmpty()) {
                    return new Created(found.get(0).id(), true);
                }
            }
            Response response = send("POST", system.collection(), body, key);
            expect(response, "POST " + system.collection() + " for " + bookingId, 200, 201);
            return new Created(id(response.json(), "POST " + system.collection()), false);
        });
    }

    /** Replaces an entry; false when it no longer exists (deleted by hand). */
    public boolean update(String id, RemoteBody body) {
        return unlessGone("PUT", id, body, 200, 201, 204);
    }

    /** Deletes an entry; false when it was already gone, which counts as done. */
    public boolean delete(String id) {
        return unlessGone("DELETE", id, null, 200, 202, 204);
    }

    /** Sends {@code method} to the entry; false when the server answers 404. */
    private boolean unlessGone(String method, String id, RemoteBody body, int... statuses) {
        String path = system.collection() + "/"
                + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
        Response response = retrying(() -> send(method, path, body, null));
        if (response.status() == 404) {
            return false;
        }
        expect(response, method + " " + path, statuses);
        return true;
    }

    /** Requests sent so far by method, retries included. */
    public Map<String, Integer> requests() {
        return requests.snapshot();
    }

    private Response send(String method, String path, RemoteBody body, String idempotencyKey) {
        HttpURLConnection connection;
        try {
            connection = request(method, path, body, idempotencyKey);
        } catch (IOException | RuntimeException e) {
            // The JDK's message for a refused header repeats the header's value: the secret. Only the class is shown.
            throw new RemoteException(
                    RemoteException.Kind.REFUSED,
                    system.label() + " " + method + " " + path
                            + " could not be sent: " + e.getClass().getSimpleName()
                            + " while building the request; check "
                            + system.endpointProperty() + " and the " + system.authHeader() + " secret, taken from "
                            + secret.source());
        }
        int status;
        byte[] answer;
        // As above, and an answer's status line or headers may quote the request: exceptions are named by class only.
        try {
            gate.pass();
            requests.count(method);
            if (body != null) {
                byte[] json = body.json();
                // A fixed length also stops the JDK from sending a POST again by itself after a reset.
                connection.setFixedLengthStreamingMode(json.length);
                try (OutputStream out = connection.getOutputStream()) {
                    out.write(json);
                }
            }
            status = connection.getResponseCode();
            try (InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
                answer = in == null ? new byte[0] : in.readAllBytes();
            }
            // HttpURLConnection ends a body shorter than its Content-Length without an error: the answer was lost.
            if (connection.getContentLengthLong() > answer.length) {
                throw new IOException("answer cut short");
            }
        } catch (IOException e) {
            connection.disconnect();
            throw new Transient(system.label() + " " + method + " " + path + " failed: "
                    + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemoteException(RemoteException.Kind.UNAVAILABLE, "interrupted while calling " + system.label());
        } catch (RuntimeException e) {
            connection.disconnect();
            throw new RemoteException(
                    RemoteException.Kind.REFUSED,
                    system.label() + " " + method + " " + path + " could not be sent: "
                            + e.getClass().getSimpleName());
        }
        if (status == 401 || status == 403) {
            throw new RemoteException(
                    RemoteException.Kind.CREDENTIALS,
                    system.label() + " refused the credentials (" + status
                            + " on " + method + " " + path + "): check the " + system.authHeader()
                            + " secret, taken from " + secret.source()
                            + ". It is set with " + system.secretSources() + ".");
        }
        if (status == 429) {
            RateLimited limited = new RateLimited(
                    system.label() + " " + method + " " + path + " was rate limited (429)",
                    retryAfter(Optional.ofNullable(connection.getHeaderField("Retry-After"))));
            if (!tooLong(limited)) {
                gate.closeFor(limited.retryAfter);
            }
            throw limited;
        }
        if (status >= 500) {
            throw new Transient(
                    system.label() + " " + method + " " + path + " answered " + status + serverMessage(answer));
        }
        if (status == 400 || status == 422) {
            throw new RemoteException(
                    RemoteException.Kind.REFUSED,
                    system.label() + " refused " + method + " " + path + " (" + status + ")" + serverMessage(answer));
        }
        return new Response(status, answer);
    }

    /**
     * The request, not yet sent. {@link HttpURLConnection} rather than the JDK's newer client: that one keeps a
     * selector thread waiting in native code until it is garbage collected (it cannot be closed before JDK 21), and
     * the JVM waits 0.3 s for such a thread when Maven exits.
     */
    private HttpURLConnection request(String method, String path, RemoteBody body, String idempotencyKey)
            throws IOException {
        HttpURLConnection connection =
                (HttpURLConnection) URI.create(base + path).toURL().openConnection();
        int timeout = (int) Math.min(Integer.MAX_VALUE, retry.timeout().toMillis());
        connection.setConnectTimeout(timeout);
        connection.setReadTimeout(timeout);
        connection.setInstanceFollowRedirects(false);
        connection.setUseCaches(false);
        connection.setRequestMethod(method);
        connection.setRequestProperty("Accept", "application/json");
        connection.setRequestProperty(system.authHeader(), system.authValue(secret.value()));
        if (body != null) {
            connection.setDoOutput(true);
            connection.setRequestProperty("Content-Type", "application/json");
        }
        if (idempotencyKey != null) {
            connection.setRequestProperty("Idempotency-Key", idempotencyKey);
        }
        return connection;
    }

    @SuppressWarnings("unchecked")
    private <T> T retrying(CheckedSupplier<T> call) {
        try {
            return (T) retrier.get(call::get);
        } catch (RateLimited e) {
            throw new RemoteException(
                    RemoteException.Kind.UNAVAILABLE,
                    e.getMessage()
                            + (tooLong(e)
                                    ? " and asked to wait " + e.retryAfter.toSeconds()
                                            + " s, longer than charter waits; run again later"
                                    : " " + (retry.retries() + 1) + " times; run again later"));
        } catch (Transient e) {
            throw new RemoteException(
                    RemoteException.Kind.UNAVAILABLE,
                    e.getMessage() + " (tried " + (retry.retries() + 1) + " times). Run the deploy again when "
                            + system.label() + " is reachable: it carries on where this one stopped.");
        } catch (FailsafeException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** A Retry-After longer than charter waits. */
    private boolean tooLong(RateLimited limited) {
        return limited.retryAfter.compareTo(retry.maxRetryAfter()) > 0;
    }

    private void expect(Response response, String call, int... statuses) {
        for (int status : statuses) {
            if (response.status() == status) {
                return;
            }
        }
        throw new RemoteException(
                RemoteException.Kind.REFUSED,
                system.label() + " answered " + call + " with " + response.status() + serverMessage(response.body())
                        + "; is " + system.endpointProperty() + " the API's base URL?");
    }

    private String id(JsonNode entry, String call) {
        JsonNode id = entry.get("id");
        if (id == null || id.isNull() || id.isContainerNode() || id.asText().isEmpty()) {
            throw new RemoteException(
                    RemoteException.Kind.REFUSED, system.label() + " answered " + call + " without an \"id\"");
        }
        return id.asText();
    }

    /** The server's explanation, when it sent one, as ": …" (shortened), with the secret blanked if it was echoed. */
    private String serverMessage(byte[] body) {
        if (body == null || body.length == 0) {
            return "";
        }
        String text = new String(body, StandardCharsets.UTF_8).strip();
        try {
            JsonNode json = JSON.readTree(text);
            for (String field : List.of("error", "message", "detail")) {
                if (json != null && json.hasNonNull(field)) {
                    text = json.get(field).asText();
                    break;
                }
            }
        } catch (IOException e) {
            // Not JSON: show the text as it is.
        }
        String shown = secret.redact(text);
        return shown.isEmpty() ? "" : ": " + (shown.length() > 300 ? shown.substring(0, 300) + "…" : shown);
    }

    private static Duration retryAfter(Optional<String> header) {
        try {
            return Duration.ofSeconds(
                    Math.max(0, Long.parseLong(header.orElse("1").strip())));
        } catch (NumberFormatException e) {
            return Duration.ofSeconds(1);
        }
    }

    private record Response(int status, byte[] body) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                // Not e.getMessage(): Jackson's quotes the answer, which may echo what was sent.
                throw new RemoteException(RemoteException.Kind.REFUSED, "the answer is not JSON");
            }
        }
    }

    /** Worth another try. */
    private static class Transient extends RuntimeException {

        Transient(String message) {
            super(message, null, false, false);
        }
    }

    private static final class RateLimited extends Transient {

        private final Duration retryAfter;

        RateLimited(String message, Duration retryAfter) {
            super(message);
            this.retryAfter = retryAfter;
        }
    }
}
