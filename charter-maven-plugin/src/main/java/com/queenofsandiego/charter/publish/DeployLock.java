package com.queenofsandiego.charter.publish;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One deploy at a time per target: {@code .charter/lock.json}, created only if absent ({@code If-None-Match: *} on S3)
 * and naming its holder and when it expires. A lock past its expiry was left by a deploy that died; it can be taken
 * over with {@code -Dcharter.forceUnlock=true}, with a conditional write so two takers cannot both win.
 */
public final class DeployLock implements AutoCloseable {

    public static final String KEY = PublishTarget.PRIVATE_PREFIX + "lock.json";
    public static final Duration LIFETIME = Duration.ofMinutes(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PublishTarget target;
    private final Holder holder;

    private DeployLock(PublishTarget target, Holder holder) {
        this.target = target;
        this.holder = holder;
    }

    /** What the lock says: who holds it, since when and until when. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
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
    public static DeployLock acquire(PublishTarget target, String holder, Clock clock, boolean forceUnlock) {
        Instant now = clock.instant();
        Holder mine = new Holder(holder, now, now.plus(LIFETIME));
        byte[] content = json(mine);
        if (target.writeIfAbsent(KEY, content, "application/json").isPresent()) {
            return new DeployLock(target, mine);
        }
        Optional<PublishTarget.Stored> stored = target.read(KEY);
        if (stored.isEmpty()) {
            // Released between our two requests: try once more.
            if (target.writeIfAbsent(KEY, content, "application/json").isPresent()) {
                return new DeployLock(target, mine);
            }
            throw new HeldException("another deploy took the lock on " + target.describe() + " just now; wait for it to finish");
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
        if (target.writeIfMatch(KEY, content, "application/json", stored.get().version()).isEmpty()) {
            throw new HeldException("another deploy took over the stale lock on " + target.describe() + " first");
        }
        return new DeployLock(target, mine);
    }

    /** Who holds the lock now, if anyone; for plan's warning. */
    public static Optional<Holder> holder(PublishTarget target) {
        return target.read(KEY).map(stored -> read(stored.content()));
    }

    public Holder holder() {
        return holder;
    }

    @Override
    public void close() {
        target.delete(KEY);
    }

    private static byte[] json(Holder holder) {
        try {
            return JSON.writeValueAsBytes(new LockFile(holder.holder(), holder.acquired().toString(), holder.expires().toString()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Holder read(byte[] content) {
        try {
            LockFile file = JSON.readValue(content, LockFile.class);
            return new Holder(file.holder(), file.acquired() == null ? null : Instant.parse(file.acquired()),
                    file.expires() == null ? null : Instant.parse(file.expires()));
        } catch (IOException | RuntimeException e) {
            return new Holder("an unreadable lock file", null, null);
        }
    }

    private record LockFile(String holder, String acquired, String expires) {
    }

    /** The lock is held by another deploy (or is stale and was not forced). */
    public static final class HeldException extends RuntimeException {

        public HeldException(String message) {
            super(message);
        }
    }
}
