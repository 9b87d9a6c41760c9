package com.queenofsandiego.charter.reconcile;

import com.queenofsandiego.charter.store.ObjectStore;
import com.queenofsandiego.charter.store.SiteObject;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * A target whose process "dies" once {@code killed} turns true, or at the first write or delete of a key
 * {@code dieAt} accepts: that request and every one after it throw {@link Killed}, which nothing in charter catches, so
 * nothing more is written — not the ledger, not the lock's release. It remembers the key of every write and delete.
 */
final class KillableTarget implements ObjectStore {

    /** The process was killed; an Error so that no handler in charter treats it as a failure it can tidy up after. */
    static final class Killed extends Error {

        Killed() {
            super("killed", null, false, false);
        }
    }

    private final ObjectStore target;
    private final BooleanSupplier killed;
    private final Predicate<String> dieAt;
    private volatile boolean dead;
    /** The keys written or deleted, in order. */
    final List<String> changed = new CopyOnWriteArrayList<>();

    KillableTarget(ObjectStore target, BooleanSupplier killed) {
        this(target, killed, key -> false);
    }

    private KillableTarget(ObjectStore target, BooleanSupplier killed, Predicate<String> dieAt) {
        this.target = target;
        this.killed = killed;
        this.dieAt = dieAt;
    }

    /** A target that dies at the first write or delete of a key {@code dieAt} accepts. */
    static KillableTarget dyingAt(ObjectStore target, Predicate<String> dieAt) {
        return new KillableTarget(target, () -> false, dieAt);
    }

    /** A target that only remembers what was written. */
    static KillableTarget watching(ObjectStore target) {
        return dyingAt(target, key -> false);
    }

    private void check() {
        if (dead || killed.getAsBoolean()) {
            throw new Killed();
        }
    }

    private void changing(String key) {
        check();
        if (dieAt.test(key)) {
            dead = true;
            throw new Killed();
        }
        changed.add(key);
    }

    @Override
    public String describe() {
        return target.describe();
    }

    @Override
    public Map<String, String> list() {
        check();
        return target.list();
    }

    @Override
    public Optional<Stored> read(String key) {
        check();
        return target.read(key);
    }

    @Override
    public Optional<Metadata> head(String key) {
        check();
        return target.head(key);
    }

    @Override
    public void upload(SiteObject object) {
        changing(object.key());
        target.upload(object);
    }

    @Override
    public void write(String key, byte[] content, String contentType) {
        changing(key);
        target.write(key, content, contentType);
    }

    @Override
    public Optional<String> writeIfAbsent(String key, byte[] content, String contentType) {
        changing(key);
        return target.writeIfAbsent(key, content, contentType);
    }

    @Override
    public Optional<String> writeIfMatch(String key, byte[] content, String contentType, String version) {
        changing(key);
        return target.writeIfMatch(key, content, contentType, version);
    }

    @Override
    public void delete(String key) {
        changing(key);
        target.delete(key);
    }

    @Override
    public Map<String, Integer> requests() {
        return target.requests();
    }
}
