package com.queenofsandiego.charter.publish;

import java.util.Map;
import java.util.Objects;

/**
 * What is live: the target's listing (key → MD5 where the store knows it) and the manifest of what charter put there.
 * Read once per plan; planning compares against it and writes nothing.
 */
public record LiveSite(String target, Map<String, String> listing, Manifest.Versioned manifest) {

    public static LiveSite read(PublishTarget target, StateStore state) {
        return new LiveSite(target.describe(), target.list(), Manifest.read(state));
    }

    /**
     * Whether the live object at {@code key} is the one rendered from inputs with this fingerprint: the manifest
     * recorded that fingerprint, and the object is still there with the content recorded (where the listing can say).
     */
    public boolean holds(String key, String fingerprint) {
        ObjectState recorded = manifest.manifest().objects().get(key);
        String listed = listing.get(key);
        return recorded != null && Objects.equals(recorded.fingerprint(), fingerprint) && listed != null
                && (listed.isEmpty() || listed.equals(recorded.md5()));
    }
}
