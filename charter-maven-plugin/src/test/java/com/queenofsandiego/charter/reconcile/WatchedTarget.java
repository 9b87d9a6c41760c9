package com.queenofsandiego.charter.reconcile;

import com.queenofsandiego.charter.store.ObjectStore;
import com.queenofsandiego.charter.store.SiteObject;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * A target that remembers the key of every write and delete, and whose process "dies" at the first write of a key
 * {@code dieAt} accepts: that write and every request after it throw {@link KillableTarget.Killed}.
 */
final class WatchedTarget implements ObjectStore {

    private final ObjectStore target;
    private final Predicate<String> dieAt;
    private volatile boolean dead;
    /** The keys written or deleted, in order. */
    final List<String> changed = new CopyOnWriteArrayList<>();

    WatchedTarget(ObjectStore target, Predicate<String> dieAt) {
        this.target = target;
        this.dieAt = dieAt;
    }

    WatchedTarget(ObjectStore target) {
        this(target, key -> false);
    }

    private void check() {
        if (dead) {
            throw new KillableTarget.Killed();
        }
    }

    private void changing(String key) {
        check();
        if (dieAt.test(key)) {
            dead = true;
            throw new KillableTarget.Killed();
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
