package com.queenofsandiego.charter.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.queenofsandiego.charter.reconcile.RemoteSystem;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.apache.commons.codec.digest.DigestUtils;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

/**
 * JADA, SCC and the presign route as {@code contracts/jada-scc.md} gives them, on a real HTTP server on 127.0.0.1:
 * auth checked on every call (SCC compares a hash of the key, in constant time), {@code Idempotency-Key} honoured,
 * bodies checked, state kept in a directory, an optional latency to answer like a distant server, and {@link Faults}
 * to make it fail on purpose. The local target deploys to
 * it when no JADA or SCC endpoint is configured; the tests use it as the other side of the contract.
 */
public final class Sandbox implements AutoCloseable {

    static {
        // The JDK server writes headers and body separately; without TCP_NODELAY each answer waits ~40 ms on delayed ACKs.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern TIME = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d");

    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<RemoteSystem, SandboxStore> stores = new EnumMap<>(RemoteSystem.class);
    private final byte[] jadaToken;
    private final byte[] sccKeyHash;
    private final Faults faults = new Faults();
    private final Map<String, Integer> calls = new TreeMap<>();
    private final List<String> log = new ArrayList<>();
    private final Duration latency;

    private Sandbox(HttpServer server, ExecutorService executor, Path directory, String jadaToken, String sccKey, Duration latency) {
        this.server = server;
        this.executor = executor;
        this.latency = latency;
        this.jadaToken = jadaToken.getBytes(StandardCharsets.UTF_8);
        this.sccKeyHash = DigestUtils.sha256(sccKey);
        for (RemoteSystem system : RemoteSystem.values()) {
            stores.put(system, new SandboxStore(system, directory));
        }
    }

    /**
     * Starts the sandbox.
     *
     * @param directory where its state is kept (read back when it starts again)
     * @param port on 127.0.0.1; 0 picks a free one
     */
    public static Sandbox start(Path directory, int port, String jadaToken, String sccKey) throws IOException {
        return start(directory, port, jadaToken, sccKey, Duration.ZERO);
    }

    /**
     * Starts the sandbox answering each JADA and SCC call no sooner than {@code latency}, as a server across a network
     * would.
     */
    public static Sandbox start(Path directory, int port, String jadaToken, String sccKey, Duration latency) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "charter-sandbox");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        Sandbox sandbox = new Sandbox(server, executor, directory, jadaToken, sccKey, latency);
        for (RemoteSystem system : RemoteSystem.values()) {
            server.createContext(system.collection(), exchange -> sandbox.handle(system, exchange));
        }
        server.start();
        return sandbox;
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public Faults faults() {
        return faults;
    }

    public SandboxStore store(RemoteSystem system) {
        return stores.get(system);
    }

    /** Calls answered so far, as "POST /events" → count, faults included. */
    public synchronized Map<String, Integer> calls() {
        return new TreeMap<>(calls);
    }

    /**
     * Calls answered so far, in the order they arrived, each as method, path and the booking or entry it is about:
     * "GET /calendar BS-1", "POST /events BS-1", "PUT /events/scc-3".
     */
    public synchronized List<String> log() {
        return List.copyOf(log);
    }

    /** Calls that change something (POST, PUT, DELETE) sent to {@code system} so far. */
    public synchronized int writes(RemoteSystem system) {
        return calls.entrySet().stream()
                .filter(e -> e.getKey().endsWith(" " + system.collection()) && !e.getKey().startsWith("GET "))
                .mapToInt(Map.Entry::getValue).sum();
    }

    /**
     * Serves the presign route for bookings SCC has an event for, around the event's date, with links from
     * {@code links}; {@code clock} is now in the zone of the events' dates.
     */
    public void presign(PhotoUploadLinks links, long maxPhotoBytes, Clock clock) {
        Function<String, Optional<LocalDate>> charterDates = id -> store(RemoteSystem.SCC).find(Optional.of(id)).stream()
                .findFirst().map(event -> LocalDate.parse(event.path("date").asText()));
        server.createContext("/g/", new PresignRoute(charterDates, links, maxPhotoBytes, clock));
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(RemoteSystem system, HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            synchronized (this) {
                calls.merge(method + " " + system.collection(), 1, Integer::sum);
            }
            sleep(latency.toMillis());
            if (!authorised(system, exchange)) {
                JsonExchange.send(exchange, 401, error("missing or wrong " + system.authHeader()));
                return;
            }
            Optional<Faults.Fault> fault = faults.next();
            if (fault.isPresent() && fault.get() instanceof Faults.Status status) {
                if (status.status() == 429) {
                    exchange.getResponseHeaders().set("Retry-After", Integer.toString(status.retryAfterSeconds()));
                }
                JsonExchange.send(exchange, status.status(), error("injected fault: " + status.status()));
                return;
            }
            if (fault.isPresent() && fault.get() instanceof Faults.Delay delay) {
                sleep(delay.delay().toMillis());
            }
            Answer answer = answer(system, exchange);
            if (fault.isPresent() && fault.get() instanceof Faults.CommitThenDrop) {
                // The work is done; announce an answer and close before sending it.
                exchange.sendResponseHeaders(answer.status(), 1024);
                return;
            }
            JsonExchange.send(exchange, answer.status(), answer.body());
        } catch (IOException e) {
            // The client went away (or the drop above); nothing to answer.
        }
    }

    private record Answer(int status, JsonNode body) {
    }

    private Answer answer(RemoteSystem system, HttpExchange exchange) throws IOException {
        SandboxStore store = store(system);
        String path = exchange.getRequestURI().getRawPath();
        String rest = path.substring(system.collection().length());
        String method = exchange.getRequestMethod();
        if (rest.isEmpty() || rest.equals("/")) {
            switch (method) {
                case "GET":
                    Optional<String> externalId = Optional.ofNullable(JsonExchange.query(exchange).get("external_id"));
                    logged(method + " " + system.collection() + externalId.map(id -> " " + id).orElse(""));
                    return new Answer(200, JSON.valueToTree(store.find(externalId)));
                case "POST":
                    Optional<ObjectNode> body = body(system, exchange);
                    if (body.isEmpty()) {
                        return refused(system);
                    }
                    logged(method + " " + system.collection() + " " + body.get().path("external_id").asText());
                    Optional<String> key = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Idempotency-Key"));
                    SandboxStore.Created created = store.create(body.get(), key);
                    return new Answer(created.replayed() ? 200 : 201, created.entry());
                default:
                    return new Answer(405, error("use GET or POST on " + system.collection()));
            }
        }
        String id = URLDecoder.decode(rest.substring(1), StandardCharsets.UTF_8);
        logged(method + " " + system.collection() + "/" + id);
        switch (method) {
            case "PUT":
                Optional<ObjectNode> body = body(system, exchange);
                if (body.isEmpty()) {
                    return refused(system);
                }
                return store.replace(id, body.get()).map(entry -> new Answer(200, entry))
                        .orElseGet(() -> new Answer(404, error("no entry " + id)));
            case "DELETE":
                return store.delete(id) ? new Answer(204, null) : new Answer(404, error("no entry " + id));
            default:
                return new Answer(405, error("use PUT or DELETE on " + system.collection() + "/<id>"));
        }
    }

    private synchronized void logged(String call) {
        log.add(call);
    }

    private Answer refused(RemoteSystem system) {
        return new Answer(422, error("the body must be a JSON object with " + String.join(", ", system.fields())
                + ": text, date as YYYY-MM-DD, times as HH:MM" + (system == RemoteSystem.SCC ? ", crew a list of ids" : "")));
    }

    /** The body when it has every field of the contract with the right shape. */
    private static Optional<ObjectNode> body(RemoteSystem system, HttpExchange exchange) {
        JsonNode body;
        try {
            body = JSON.readTree(exchange.getRequestBody().readAllBytes());
        } catch (IOException e) {
            return Optional.empty();
        }
        if (body == null || !body.isObject()) {
            return Optional.empty();
        }
        for (String field : system.fields()) {
            if (!valid(field, body.get(field))) {
                return Optional.empty();
            }
        }
        return Optional.of((ObjectNode) body);
    }

    /** crew: a list of ids; date and times in the contract's formats; notes: any text; the rest: text that is not blank. */
    private static boolean valid(String field, JsonNode value) {
        if (value == null) {
            return false;
        }
        if (field.equals("crew")) {
            return value.isArray() && StreamSupport.stream(value.spliterator(), false).allMatch(JsonNode::isTextual);
        }
        String text = value.asText();
        return value.isTextual() && switch (field) {
            case "notes" -> true;
            case "date" -> DATE.matcher(text).matches();
            case "start_time", "end_time" -> TIME.matcher(text).matches();
            default -> !text.isBlank();
        };
    }

    private boolean authorised(RemoteSystem system, HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst(system.authHeader());
        if (header == null) {
            return false;
        }
        if (system == RemoteSystem.JADA) {
            return MessageDigest.isEqual(header.getBytes(StandardCharsets.UTF_8), jadaToken);
        }
        return header.startsWith("Bearer ") && MessageDigest.isEqual(DigestUtils.sha256(header.substring("Bearer ".length())), sccKeyHash);
    }

    private static JsonNode error(String message) {
        return JSON.createObjectNode().put("error", message);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
