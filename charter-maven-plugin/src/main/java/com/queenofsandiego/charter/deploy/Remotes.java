package com.queenofsandiego.charter.deploy;

import com.queenofsandiego.charter.ConfigurationException;
import com.queenofsandiego.charter.reconcile.RemoteClient;
import com.queenofsandiego.charter.reconcile.RemoteEndpoint;
import com.queenofsandiego.charter.reconcile.RemoteSystem;
import com.queenofsandiego.charter.reconcile.RetrySettings;
import com.queenofsandiego.charter.reconcile.Secret;
import com.queenofsandiego.charter.sandbox.Sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which JADA and SCC a deploy talks to: the configured endpoints; on the local target, the sandbox for any that is
 * not configured (so a quick-start deploy runs the real clients end to end); on {@code aws}, none for one that is not.
 */
public final class Remotes implements AutoCloseable {

    /**
     * @param endpoints the configured base URLs
     * @param sandboxDirectory where the sandbox keeps its state, when the target is local; empty on aws
     */
    public record Settings(Map<RemoteSystem, String> endpoints, Optional<Path> sandboxDirectory) {}

    private static final String NODELAY = "sun.net.httpserver.nodelay";

    private final Map<RemoteSystem, RemoteClient> clients;
    private final Optional<Sandbox> sandbox;

    private Remotes(Map<RemoteSystem, RemoteClient> clients, Optional<Sandbox> sandbox) {
        this.clients = clients;
        this.sandbox = sandbox;
    }

    /** The systems reconciled and where each is, for the plan; checks the endpoints and needs no secret. */
    public static Map<RemoteSystem, String> describe(Settings settings) {
        Map<RemoteSystem, String> systems = new LinkedHashMap<>();
        for (RemoteSystem system : RemoteSystem.values()) {
            String endpoint = settings.endpoints().get(system);
            if (endpoint != null) {
                systems.put(system, RemoteEndpoint.check(system, endpoint).toString());
            } else if (settings.sandboxDirectory().isPresent()) {
                systems.put(system, "sandbox in " + settings.sandboxDirectory().get());
            }
        }
        return systems;
    }

    /**
     * Clients for every system {@link #describe} lists, starting the sandbox when one is needed.
     *
     * @param secrets the secret for a configured endpoint; an {@link ConfigurationException} names where to set a missing one
     */
    public static Remotes open(
            Settings settings, Function<RemoteSystem, Optional<Secret>> secrets, RetrySettings retry) {
        Map<RemoteSystem, String> systems = describe(settings);
        Map<RemoteSystem, RemoteClient> clients = new EnumMap<>(RemoteSystem.class);
        for (RemoteSystem system : systems.keySet()) {
            String endpoint = settings.endpoints().get(system);
            if (endpoint != null) {
                Secret secret = secrets.apply(system)
                        .orElseThrow(
                                () -> new ConfigurationException(system.endpointProperty() + " is set but there is no "
                                        + system.label() + " secret: set " + system.secretSources()));
                clients.put(system, new RemoteClient(system, URI.create(endpoint.trim()), secret, retry));
            }
        }
        if (clients.size() == systems.size()) {
            return new Remotes(clients, Optional.empty());
        }
        String jadaToken = randomSecret();
        String sccKey = randomSecret();
        Sandbox sandbox;
        try {
            fastLoopback();
            sandbox = Sandbox.start(settings.sandboxDirectory().orElseThrow(), 0, jadaToken, sccKey);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the JADA/SCC sandbox on 127.0.0.1", e);
        }
        for (RemoteSystem system : systems.keySet()) {
            clients.computeIfAbsent(
                    system,
                    s -> new RemoteClient(
                            s,
                            sandbox.baseUri(),
                            new Secret(s == RemoteSystem.JADA ? jadaToken : sccKey, "the sandbox"),
                            retry));
        }
        return new Remotes(clients, Optional.of(sandbox));
    }

    public Map<RemoteSystem, RemoteClient> clients() {
        return clients;
    }

    @Override
    public void close() {
        sandbox.ifPresent(Sandbox::close);
    }

    /**
     * The JDK's HTTP server writes an answer's headers and body separately, so without TCP_NODELAY every sandbox call
     * waits ~40 ms for a delayed ACK (measured: ~50 ms a call instead of ~3 ms). The server reads
     * {@code sun.net.httpserver.nodelay} once, when the first one starts in the JVM; this sets it just before the
     * sandbox starts, and only then, unless it was given (e.g. in {@code MAVEN_OPTS}).
     */
    private static void fastLoopback() {
        if (System.getProperty(NODELAY) == null) {
            System.setProperty(NODELAY, "true");
        }
    }

    private static String randomSecret() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
