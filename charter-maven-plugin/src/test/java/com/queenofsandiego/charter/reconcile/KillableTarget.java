package com.queenofsandiego.charter.reconcile;

import com.queenofsandiego.charter.store.ObjectStore;
import com.queenofsandiego.charter.store.SiteObject;

import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * A target whose process "dies" once {@code dead} turns true: from then on every request throws {@link Killed}, which
 * nothing in charter catches, so nothing more is written — not the ledger, not the lock's release.
 */
final class KillableTarget implements ObjectStore {

    /** The process was killed; an Error so that no handler in charter treats it as a failure it can tidy up after. */
    static final class Killed extends Error {

        Killed() {
            super("killed", null, false, false);
        }
    }

    private final ObjectStore target;
    private final BooleanSupplier dead;

    KillableTarget(ObjectStore target, BooleanSupplier dead) {
        this.target = target;
        this.dead = dead;
    }

    private void check() {
        if (dead.getAsBoolean()) {
            throw new Killed();
        }
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
        check();
        target.upload(object);
    }

    @Override
    public void write(String key, byte[] content, String contentType) {
        check();
        target.write(key, content, contentType);
    }

    @Override
    public Optional<String> writeIfAbsent(String key, byte[] content, String contentType) {
        check();
        return target.writeIfAbsent(key, content, contentType);
    }

    @Override
    public Optional<String> writeIfMatch(String key, byte[] content, String contentType, String version) {
        check();
        return target.writeIfMatch(key, content, contentType, version);
    }

    @Override
    public void delete(String key) {
        check();
        target.delete(key);
    }

    @Override
    public Map<String, Integer> requests() {
        return target.requests();
    }
}
