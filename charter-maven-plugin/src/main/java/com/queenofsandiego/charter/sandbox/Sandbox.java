package com.queenofsandiego.charter.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.queenofsandiego.charter.reconcile.RemoteSystem;
import com.sun.net.httpserver.Headers;
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
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

/**
 * JADA and SCC as {@code contracts/jada-scc.md} gives them, on a real HTTP server on 127.0.0.1: auth checked on every
 * call (SCC compares a hash of the key, in constant time), {@code Idempotency-Key} honoured, bodies checked, state
 * kept in a directory. The local target deploys to it when no JADA or SCC endpoint is configured; the tests use it as
 * the other side of the contract, and see or bend each call through a {@link RequestHook}.
 *
 * <p>The JDK server answers each call ~40 ms late unless {@code sun.net.httpserver.nodelay} is {@code true} in this
 * JVM when its first server starts; whoever starts the sandbox sets it (see {@code Remotes}, the surefire
 * configuration and the bench scripts).
 */
public final class Sandbox implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern TIME = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d");

    /**
     * A JADA or SCC call: its system, method, raw path and query (null when none), headers, body, and whether it carries
     * the system's secret (the sandbox answers 401 to one that does not).
     */
    public record Request(
            RemoteSystem system,
            String method,
            String path,
            String query,
            Headers headers,
            byte[] body,
            boolean authorised) {}

    /**
     * The answer to a call: a status, a JSON body (null for none) and extra headers. With {@code drop} the work is
     * done but the answer is cut off: its status and headers go out announcing a body that never comes, and the
     * connection closes.
     */
    public record Response(int status, JsonNode body, Map<String, String> headers, boolean drop) {

        public Response(int status, JsonNode body) {
            this(status, body, Map.of(), false);
        }

        /** This answer, cut off after its headers. */
        public Response dropped() {
            return new Response(status, body, headers, true);
        }
    }

    /**
     * Sees each call and decides its answer: pass it on ({@code next.apply(request)}), answer something
     * else without passing it on, wait first, or drop what {@code next} answered. The sandbox passes everything on
     * unless it is started with a hook; the tests count calls and inject faults with one.
     */
    @FunctionalInterface
    public interface RequestHook {

        RequestHook NONE = (request, next) -> next.apply(request);

        Response handle(Request request, Function<Request, Response> next);
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<RemoteSystem, SandboxStore> stores = new EnumMap<>(RemoteSystem.class);
    private final byte[] jadaToken;
    private final byte[] sccKeyHash;
    private final RequestHook hook;

    private Sandbox(
            HttpServer server,
            ExecutorService executor,
            Path directory,
            String jadaToken,
            String sccKey,
            RequestHook hook) {
        this.server = server;
        this.executor = executor;
        this.hook = hook;
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
        return start(directory, port, jadaToken, sccKey, RequestHook.NONE);
    }

    /** Starts the sandbox with every JADA and SCC call going through {@code hook}. */
    public static Sandbox start(Path directory, int port, String jadaToken, String sccKey, RequestHook hook)
            throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "charter-sandbox");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        Sandbox sandbox = new Sandbox(server, executor, directory, jadaToken, sccKey, hook);
        try {
            for (RemoteSystem system : RemoteSystem.values()) {
                server.createContext(system.collection(), exchange -> sandbox.handle(system, exchange));
            }
            server.start();
        } catch (RuntimeException e) {
            sandbox.close();
            throw e;
        }
        return sandbox;
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        stores.values().forEach(SandboxStore::close);
    }

    private void handle(RemoteSystem system, HttpExchange exchange) throws IOException {
        try (exchange) {
            Request request = new Request(
                    system,
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getRawQuery(),
                    exchange.getRequestHeaders(),
                    exchange.getRequestBody().readAllBytes(),
                    authorised(system, exchange));
            Response response = hook.handle(request, this::answer);
            response.headers().forEach(exchange.getResponseHeaders()::set);
            if (response.drop()) {
                // The work is done; announce an answer and close before sending it.
                exchange.sendResponseHeaders(response.status(), 1024);
                return;
            }
            JsonExchange.send(exchange, response.status(), response.body());
        } catch (IOException e) {
            // The client went away (or the drop above); nothing to answer.
        }
    }

    private Response answer(Request request) {
        RemoteSystem system = request.system();
        if (!request.authorised()) {
            return new Response(401, error("missing or wrong " + system.authHeader()));
        }
        SandboxStore store = stores.get(system);
        String rest = request.path().substring(system.collection().length());
        String method = request.method();
        if (rest.isEmpty() || rest.equals("/")) {
            switch (method) {
                case "GET":
                    Optional<String> externalId = Optional.ofNullable(
                            JsonExchange.query(request.query()).get("external_id"));
                    return new Response(200, JSON.valueToTree(store.find(externalId)));
                case "POST":
                    Optional<ObjectNode> body = body(request);
                    if (body.isEmpty()) {
                        return refused(system);
                    }
                    Optional<String> key = Optional.ofNullable(request.headers().getFirst("Idempotency-Key"));
                    SandboxStore.Created created = store.create(body.get(), key);
                    return new Response(created.replayed() ? 200 : 201, created.entry());
                default:
                    return new Response(405, error("use GET or POST on " + system.collection()));
            }
        }
        String id = URLDecoder.decode(rest.substring(1), StandardCharsets.UTF_8);
        switch (method) {
            case "PUT":
                Optional<ObjectNode> body = body(request);
                if (body.isEmpty()) {
                    return refused(system);
                }
                return store.replace(id, body.get())
                        .map(entry -> new Response(200, entry))
                        .orElseGet(() -> new Response(404, error("no entry " + id)));
            case "DELETE":
                return store.delete(id) ? new Response(204, null) : new Response(404, error("no entry " + id));
            default:
                return new Response(405, error("use PUT or DELETE on " + system.collection() + "/<id>"));
        }
    }

    private static Response refused(RemoteSystem system) {
        return new Response(
                422,
                error("the body must be a JSON object with " + String.join(", ", system.fields())
                        + ": text, date as YYYY-MM-DD, times as HH:MM"
                        + (system == RemoteSystem.SCC ? ", crew a list of ids" : "")));
    }

    /** The body when it has every field of the contract with the right shape. */
    private static Optional<ObjectNode> body(Request request) {
        JsonNode body;
        try {
            body = JSON.readTree(request.body());
        } catch (IOException e) {
            return Optional.empty();
        }
        if (body == null || !body.isObject()) {
            return Optional.empty();
        }
        for (String field : request.system().fields()) {
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
            return value.isArray()
                    && StreamSupport.stream(value.spliterator(), false).allMatch(JsonNode::isTextual);
        }
        String text = value.asText();
        return value.isTextual()
                && switch (field) {
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
        return header.startsWith("Bearer ")
                && MessageDigest.isEqual(DigestUtils.sha256(header.substring("Bearer ".length())), sccKeyHash);
    }

    private static JsonNode error(String message) {
        return JSON.createObjectNode().put("error", message);
    }
}
