package com.queenofsandiego.charter.reconcile;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Map;
import java.util.Optional;

/**
 * What charter knows of one booking in JADA and SCC: the file it came from and, per system, the entry it made.
 *
 * @param jada absent when JADA holds nothing of this booking that charter made
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LedgerEntry(String file, Remote jada, Remote scc) {

    /**
     * One system's entry. {@code id} is null while a create is under way: it may have reached the server, so the next run
     * looks the booking up by {@code external_id} before doing anything else.
     *
     * @param hash SHA-256 of the body last sent
     * @param sent the body last sent, to show reviewers what an update changes
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Remote(String id, String hash, Map<String, Object> sent) {

        static Remote pending() {
            return new Remote(null, null, null);
        }

        public boolean isPending() {
            return id == null;
        }
    }

    public Optional<Remote> remote(RemoteSystem system) {
        return Optional.ofNullable(system == RemoteSystem.JADA ? jada : scc);
    }

    LedgerEntry with(RemoteSystem system, Remote remote) {
        return system == RemoteSystem.JADA ? new LedgerEntry(file, remote, scc) : new LedgerEntry(file, jada, remote);
    }

    boolean isEmpty() {
        return jada == null && scc == null;
    }
}
