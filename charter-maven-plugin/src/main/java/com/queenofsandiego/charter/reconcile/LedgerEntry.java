package com.queenofsandiego.charter.reconcile;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Map;
import java.util.Optional;

/**
 * What charter knows of one booking in JADA and SCC: per system, the entry it made. Ids and hashes only: the ledger may
 * sit in the site bucket, so it holds no guest name, contact, note or file name.
 *
 * @param jada absent when JADA holds nothing of this booking that charter made
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LedgerEntry(Remote jada, Remote scc) {

    /**
     * One system's entry. {@code id} is null while a create is under way: it may have reached the server, so the next run
     * looks the booking up by {@code external_id} before doing anything else.
     *
     * @param hash SHA-256 of the body last sent
     * @param fields per field of that body, a short hash of its value ({@link RemoteBody#fieldHashes}), so a plan can name
     *               the fields an update changes
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Remote(String id, String hash, Map<String, String> fields) {

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
        return system == RemoteSystem.JADA ? new LedgerEntry(remote, scc) : new LedgerEntry(jada, remote);
    }

    boolean isEmpty() {
        return jada == null && scc == null;
    }
}
