package com.queenofsandiego.charter.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.queenofsandiego.charter.CharterException;
import com.queenofsandiego.charter.store.ObjectStore;
import com.queenofsandiego.charter.store.StateStore;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One deploy at a time per target: {@code lock.json} with the deploy state, created only if absent
 * ({@code If-None-Match: *} on S3) and naming its holder and when it expires. A lock past its expiry was left by a deploy
 * that died; it can be taken over with {@code -Dcharter.forceUnlock=true}, with a conditional write so two takers cannot
 * both win. The holder confirms it with a conditional write before each phase and each remote change, so a deploy whose
 * lock was taken over stops before its next write.
 */
public final class DeployLock implements AutoCloseable {

    public static final String NAME = "lock.json";
    public static final Duration LIFETIME = Duration.ofMinutes(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectStore target;
    private final String key;
    private final Clock clock;
    private Holder holder;
    private String version;

    private DeployLock(StateStore state, Clock clock, Holder holder, String version) {
        this.target = state.store();
        this.key = state.key(NAME);
        this.clock = clock;
        this.holder = holder;
        this.version = version;
    }

    /** What the lock says: who holds it, since when and until when. */
    public record Holder(String holder, Instant acquired, Instant expires) {

        String describe() {
            return acquired == null ? holder : holder + " since " + acquired + " (expires " + expires + ")";
        }
    }

    /**
     * Takes the lock or throws {@link HeldException} naming who has it.
     *
     * @param holder who is deploying, e.g. "github-actions run 42 (octocat)" or "alice@laptop"
     */
    public static DeployLock acquire(StateStore state, String holder, Clock clock, boolean forceUnlock) {
        ObjectStore target = state.store();
        String key = state.key(NAME);
        Instant now = clock.instant();
        Holder mine = new Holder(holder, now, now.plus(LIFETIME));
        byte[] content = json(mine);
        Optional<String> created = target.writeIfAbsent(key, content, "application/json");
        if (created.isPresent()) {
            return new DeployLock(state, clock, mine, created.get());
        }
        Optional<ObjectStore.Stored> stored = target.read(key);
        if (stored.isEmpty()) {
            // Released between our two requests: try once more.
            Optional<String> again = target.writeIfAbsent(key, content, "application/json");
            if (again.isPresent()) {
                return new DeployLock(state, clock, mine, again.get());
            }
            throw new HeldException(
                    "another deploy took the lock on " + target.describe() + " just now; wait for it to finish");
        }
        Holder other = read(stored.get().content());
        boolean stale = other.expires() == null || !now.isBefore(other.expires());
        if (!stale) {
            throw new HeldException("another deploy holds the lock on " + target.describe() + ": " + other.describe()
                    + ". Wait for it to finish; two deploys at once could invite crew twice.");
        }
        if (!forceUnlock) {
            throw new HeldException("the lock on " + target.describe() + " is stale: " + other.describe()
                    + ", so the deploy that took it most likely died. Run again with -Dcharter.forceUnlock=true to take it over;"
                    + " the deploy then finishes what that one left.");
        }
        Optional<String> taken = target.writeIfMatch(
                key, content, "application/json", stored.get().version());
        if (taken.isEmpty()) {
            throw new HeldException("another deploy took over the stale lock on " + target.describe() + " first");
        }
        return new DeployLock(state, clock, mine, taken.get());
    }

    /**
     * Proves this deploy still holds the lock, with a conditional write that also pushes the expiry back; throws
     * {@link HeldException} when someone took it over meanwhile, before this deploy changes anything more.
     */
    public synchronized void confirm() {
        Holder renewed =
                new Holder(holder.holder(), holder.acquired(), clock.instant().plus(LIFETIME));
        Optional<String> written = target.writeIfMatch(key, json(renewed), "application/json", version);
        if (written.isEmpty()) {
            throw new HeldException(
                    "the lock on " + target.describe() + " was taken over by another deploy while this one ran"
                            + " (with -Dcharter.forceUnlock=true?); this one stopped before changing anything more. Run it again when"
                            + " the other has finished.");
        }
        holder = renewed;
        version = written.get();
    }

    /** Who holds the lock now, if anyone; for plan's warning. */
    public static Optional<Holder> holder(StateStore state) {
        return state.store().read(state.key(NAME)).map(stored -> read(stored.content()));
    }

    public Holder holder() {
        return holder;
    }

    /** Releases the lock, unless another deploy has taken it over. */
    @Override
    public void close() {
        if (target.read(key).map(stored -> stored.version().equals(version)).orElse(false)) {
            target.delete(key);
        }
    }

    private static byte[] json(Holder holder) {
        try {
            return JSON.writeValueAsBytes(new LockFile(
                    holder.holder(),
                    holder.acquired().toString(),
                    holder.expires().toString()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Holder read(byte[] content) {
        try {
            LockFile file = JSON.readValue(content, LockFile.class);
            return new Holder(
                    file.holder(),
                    file.acquired() == null ? null : Instant.parse(file.acquired()),
                    file.expires() == null ? null : Instant.parse(file.expires()));
        } catch (IOException | RuntimeException e) {
            return new Holder("an unreadable lock file", null, null);
        }
    }

    private record LockFile(String holder, String acquired, String expires) {}

    /** The lock is held by another deploy (or is stale and was not forced). */
    public static final class HeldException extends CharterException {

        public HeldException(String message) {
            super(message);
        }

        @Override
        public boolean usersFault() {
            return true;
        }
    }
}
