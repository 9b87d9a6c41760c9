package com.queenofsandiego.charter.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.queenofsandiego.charter.reconcile.RemoteSystem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The {@link Sandbox} as the tests use it: started with a {@link Sandbox.RequestHook} that makes every call take
 * {@code latency}, counts and logs the calls, and injects {@link Faults}; and staff editing JADA and SCC by hand, which
 * is calling their API directly with the secret (those calls are marked, and the hook lets them through untouched:
 * they are not counted, logged, delayed or faulted).
 */
public final class TestSandbox implements AutoCloseable {

    /** Marks a call made "by hand" by the test rather than by charter. */
    static final String BY_HAND = "X-Test-By-Hand";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Sandbox sandbox;
    private final String jadaToken;
    private final String sccKey;
    private final Duration latency;
    private final Faults faults = new Faults();
    private final Map<String, Integer> calls = new TreeMap<>();
    private final List<String> log = new ArrayList<>();
    private final Map<RemoteSystem, Map<String, Integer>> creates = new EnumMap<>(RemoteSystem.class);
    private final HttpClient http = HttpClient.newHttpClient();

    private TestSandbox(Path directory, int port, String jadaToken, String sccKey, Duration latency)
            throws IOException {
        this.jadaToken = jadaToken;
        this.sccKey = sccKey;
        this.latency = latency;
        for (RemoteSystem system : RemoteSystem.values()) {
            creates.put(system, new TreeMap<>());
        }
        this.sandbox = Sandbox.start(directory, port, jadaToken, sccKey, this::handle);
    }

    public static TestSandbox start(Path directory, int port, String jadaToken, String sccKey) throws IOException {
        return start(directory, port, jadaToken, sccKey, Duration.ZERO);
    }

    /** A sandbox answering each JADA and SCC call no sooner than {@code latency}, as a server across a network would. */
    public static TestSandbox start(Path directory, int port, String jadaToken, String sccKey, Duration latency)
            throws IOException {
        return new TestSandbox(directory, port, jadaToken, sccKey, latency);
    }

    public URI baseUri() {
        return sandbox.baseUri();
    }

    public Faults faults() {
        return faults;
    }

    /** Calls answered so far, as "POST /events" → count, faults and refused credentials included. */
    public synchronized Map<String, Integer> calls() {
        return new TreeMap<>(calls);
    }

    /**
     * Calls that reached JADA or SCC (not answered by an injected status) so far, in the order they were handled, each
     * as method, path and the booking or entry it is about: "GET /calendar BS-1", "POST /events BS-1", "PUT /events/scc-3".
     */
    public synchronized List<String> log() {
        return List.copyOf(log);
    }

    /** Calls that change something (POST, PUT, DELETE) sent to {@code system} so far. */
    public synchronized int writes(RemoteSystem system) {
        return calls.entrySet().stream()
                .filter(e -> e.getKey().endsWith(" " + system.collection())
                        && !e.getKey().startsWith("GET "))
                .mapToInt(Map.Entry::getValue)
                .sum();
    }

    /** One system's entries, create counts and hand edits. */
    public Store store(RemoteSystem system) {
        return new Store(system);
    }

    @Override
    public void close() {
        sandbox.close();
    }

    private Sandbox.Response handle(Sandbox.Request request, Function<Sandbox.Request, Sandbox.Response> next) {
        if (request.headers().containsKey(BY_HAND)) {
            return next.apply(request);
        }
        synchronized (this) {
            calls.merge(request.method() + " " + request.system().collection(), 1, Integer::sum);
        }
        sleep(latency);
        return faults.handle(request, reached -> recorded(reached, next.apply(reached)));
    }

    /** Logs a call that reached the sandbox, and counts a create. */
    private synchronized Sandbox.Response recorded(Sandbox.Request request, Sandbox.Response response) {
        if (!request.authorised()) {
            return response;
        }
        String collection = request.system().collection();
        String rest = request.path().substring(collection.length());
        if (!rest.isEmpty() && !rest.equals("/")) {
            log.add(request.method() + " " + collection + "/"
                    + URLDecoder.decode(rest.substring(1), StandardCharsets.UTF_8));
        } else if (request.method().equals("GET")) {
            Optional<String> externalId =
                    Optional.ofNullable(JsonExchange.query(request.query()).get("external_id"));
            log.add("GET " + collection + externalId.map(id -> " " + id).orElse(""));
        } else if (request.method().equals("POST") && response.status() != 422) {
            String externalId = externalId(request);
            log.add("POST " + collection + " " + externalId);
            if (response.status() == 201) {
                creates.get(request.system()).merge(externalId, 1, Integer::sum);
            }
        }
        return response;
    }

    private static String externalId(Sandbox.Request request) {
        try {
            return JSON.readTree(request.body()).path("external_id").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One system in the sandbox, seen and edited the way staff would, through its API. */
    public final class Store {

        private final RemoteSystem system;

        private Store(RemoteSystem system) {
            this.system = system;
        }

        /** Every entry, in the order they were made. */
        public List<ObjectNode> entries() {
            List<ObjectNode> entries = new ArrayList<>();
            byHand("GET", system.collection(), null, 200).forEach(entry -> entries.add((ObjectNode) entry));
            return entries;
        }

        /** How many times charter created a booking here; more than one for a confirmed booking means the crew was invited twice. */
        public int creates(String externalId) {
            return creates().getOrDefault(externalId, 0);
        }

        public Map<String, Integer> creates() {
            synchronized (TestSandbox.this) {
                return new TreeMap<>(creates.get(system));
            }
        }

        /** Deletes an entry behind charter's back, as staff would in JADA or SCC. */
        public boolean deleteByHand(String id) {
            return send("DELETE", item(id), null).statusCode() == 204;
        }

        /** Changes one field of an entry behind charter's back, as staff would in JADA or SCC. */
        public boolean editByHand(String id, String field, String value) {
            Optional<ObjectNode> entry = entry(id);
            if (entry.isEmpty()) {
                return false;
            }
            byHand("PUT", item(id), entry.get().put(field, value), 200);
            return true;
        }

        /** Creates a copy of an entry, as a second create for the same booking would. Returns the new id. */
        public String duplicateByHand(String id) {
            ObjectNode copy = entry(id).orElseThrow(() -> new IllegalArgumentException("no entry " + id));
            copy.remove("id");
            return byHand("POST", system.collection(), copy, 201).path("id").asText();
        }

        private Optional<ObjectNode> entry(String id) {
            return entries().stream()
                    .filter(entry -> entry.path("id").asText().equals(id))
                    .findFirst();
        }

        private String item(String id) {
            return system.collection() + "/" + URLEncoder.encode(id, StandardCharsets.UTF_8);
        }

        private JsonNode byHand(String method, String path, JsonNode body, int expected) {
            HttpResponse<String> response = send(method, path, body);
            if (response.statusCode() != expected) {
                throw new IllegalStateException(
                        method + " " + path + " by hand: " + response.statusCode() + " " + response.body());
            }
            try {
                return JSON.readTree(response.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private HttpResponse<String> send(String method, String path, JsonNode body) {
            HttpRequest request = HttpRequest.newBuilder(baseUri().resolve(path))
                    .header(system.authHeader(), system.authValue(system == RemoteSystem.JADA ? jadaToken : sccKey))
                    .header(BY_HAND, "true")
                    .header("Content-Type", "application/json")
                    .method(
                            method,
                            body == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(body.toString()))
                    .build();
            try {
                return http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
