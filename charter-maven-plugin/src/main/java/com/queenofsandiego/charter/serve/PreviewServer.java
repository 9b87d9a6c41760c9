package com.queenofsandiego.charter.serve;

import com.queenofsandiego.charter.publish.ObjectKinds;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

/**
 * Serves a rendered site on 127.0.0.1 with production routing ({@link SiteRouting}) for a local preview.
 * HTML pages get a small script, served from {@value #RELOAD_SCRIPT_PATH}, that reloads them when {@link #reload()} is
 * called after a re-render; their Content-Security-Policy is widened just enough to let it connect back.
 */
public final class PreviewServer implements AutoCloseable {

    static final String EVENTS_PATH = "/__charter/events";
    static final String RELOAD_SCRIPT_PATH = "/__charter/reload.js";
    // A file of the page's own origin, not inline: the pages' Content-Security-Policy refuses inline scripts.
    private static final byte[] RELOAD_SCRIPT = ("new EventSource('" + EVENTS_PATH
                    + "').onmessage = function () { location.reload(); };\n")
            .getBytes(StandardCharsets.UTF_8);
    private static final String RELOAD_SCRIPT_TAG = "<script src=\"" + RELOAD_SCRIPT_PATH + "\"></script>";
    private static final Pattern CONNECT_SRC =
            Pattern.compile("<meta http-equiv=\"Content-Security-Policy\" content=\"[^\"]*connect-src");
    private final Path root;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "charter-preview");
        thread.setDaemon(true);
        return thread;
    });
    private final List<OutputStream> listeners = new CopyOnWriteArrayList<>();
    private final Map<Pattern, HttpHandler> routes = new ConcurrentHashMap<>();

    private PreviewServer(Path root, HttpServer server) {
        this.root = root.toAbsolutePath().normalize();
        this.server = server;
    }

    /** Starts serving {@code root} on 127.0.0.1; port 0 picks a free one. */
    public static PreviewServer start(Path root, int port) throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        PreviewServer preview = new PreviewServer(root, http);
        http.createContext("/", preview::handle);
        http.setExecutor(preview.executor);
        http.start();
        return preview;
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Answers paths matching {@code path} with {@code handler} instead of a file, e.g. the sandbox's presign route. */
    public void route(Pattern path, HttpHandler handler) {
        routes.put(path, handler);
    }

    /** Tells every open page to reload. */
    public void reload() {
        for (OutputStream listener : listeners) {
            try {
                listener.write("data: reload\n\n".getBytes(StandardCharsets.UTF_8));
                listener.flush();
            } catch (IOException gone) {
                listeners.remove(listener);
                closeQuietly(listener);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (EVENTS_PATH.equals(path)) {
            openEvents(exchange);
            return;
        }
        if (RELOAD_SCRIPT_PATH.equals(path)) {
            try (exchange) {
                send(exchange, 200, "text/javascript; charset=utf-8", RELOAD_SCRIPT);
            }
            return;
        }
        for (Map.Entry<Pattern, HttpHandler> route : routes.entrySet()) {
            if (route.getKey().matcher(path).matches()) {
                route.getValue().handle(exchange);
                return;
            }
        }
        try (exchange) {
            serveFile(exchange);
        }
    }

    private void serveFile(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (!exchange.getRequestMethod().equals("GET")
                && !exchange.getRequestMethod().equals("HEAD")) {
            send(exchange, 405, "text/plain; charset=utf-8", "method not allowed\n".getBytes(StandardCharsets.UTF_8));
            return;
        }
        Optional<Path> file = SiteRouting.keyFor(path)
                .map(root::resolve)
                .map(Path::normalize)
                .filter(p -> p.startsWith(root) && Files.isRegularFile(p));
        if (file.isEmpty()) {
            send(
                    exchange,
                    404,
                    "text/plain; charset=utf-8",
                    ("not found: " + path + "\n").getBytes(StandardCharsets.UTF_8));
            return;
        }
        String type = ObjectKinds.contentType(file.get().getFileName().toString());
        byte[] body = Files.readAllBytes(file.get());
        if (type.startsWith("text/html")) {
            body = withReloadScript(new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        }
        send(exchange, 200, type, body);
    }

    /** A server-sent event stream left open (the exchange is not closed) until a write to it fails. */
    private void openEvents(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(200, 0);
        OutputStream body = exchange.getResponseBody();
        body.write(": connected\n\n".getBytes(StandardCharsets.UTF_8));
        body.flush();
        listeners.add(body);
    }

    private static String withReloadScript(String html) {
        // A page that may connect to named hosts only (SCC, the upload host) must also let the script reach the
        // preview.
        html = CONNECT_SRC.matcher(html).replaceFirst("$0 'self'");
        int end = html.lastIndexOf("</body>");
        return end < 0 ? html + RELOAD_SCRIPT_TAG : html.substring(0, end) + RELOAD_SCRIPT_TAG + html.substring(end);
    }

    private static void closeQuietly(OutputStream stream) {
        try {
            stream.close();
        } catch (IOException alreadyGone) {
            // the page has gone away: nothing to tell it
        }
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            exchange.getResponseBody().write(body);
        }
    }
}
