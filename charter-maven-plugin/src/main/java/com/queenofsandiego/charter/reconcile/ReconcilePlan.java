package com.queenofsandiego.charter.reconcile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.queenofsandiego.charter.text.UntrustedText.codeSpan;

/**
 * What reconciling would change in JADA and SCC, per booking. A value: planning reads only the ledger (and with a
 * refresh what {@link LiveEntries} read), and applying does exactly these changes.
 *
 * @param systems the systems reconciled, each with where it is ("https://…", "sandbox"); a system not here is not configured
 * @param unchanged per system, the bookings already in step
 * @param moves the systems whose ledger entries describe another endpoint than the configured one
 */
public record ReconcilePlan(Map<RemoteSystem, String> systems, List<Change> changes, Map<RemoteSystem, Integer> unchanged,
                            List<Move> moves) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public ReconcilePlan {
        systems = Collections.unmodifiableMap(new LinkedHashMap<>(systems));
        changes = List.copyOf(changes);
        unchanged = Map.copyOf(unchanged);
        moves = List.copyOf(moves);
    }

    /**
     * The ledger describes {@code from}, not the configured {@code to}: its {@code bookings} entries there are not
     * trusted, each booking is looked up by {@code external_id} and adopted or created, and nothing is deleted in
     * {@code to} that charter does not know.
     */
    public record Move(RemoteSystem system, String from, String to, int bookings) {

        public String line() {
            return system.label() + ": the ledger describes " + from + ", not " + to + "; its " + bookings + " bookings are looked up"
                    + " by external_id and adopted or created";
        }
    }

    public enum Action { CREATE, UPDATE, DELETE }

    /**
     * One change to one system.
     *
     * @param file the booking file, or empty when the file was removed
     * @param remoteId the entry's id in the system; empty for a create, and for a delete of a create that may have been
     *                 sent (it is looked up by {@code external_id})
     * @param body what is sent (creates and updates)
     * @param previous per field, the hash of what was last sent (updates); empty when the ledger does not know
     * @param drift whether it repairs what a refresh found changed by hand in the system (the reason says what)
     */
    public record Change(RemoteSystem system, Action action, String bookingId, Optional<String> file, Optional<String> remoteId,
                         Optional<RemoteBody> body, Map<String, String> previous, String reason, boolean drift) {

        public Change {
            previous = previous == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(previous));
        }

        /** For an update: the fields that differ from what was last sent (every field when the ledger cannot tell). */
        public List<String> changedFields() {
            if (body.isEmpty()) {
                return List.of();
            }
            Map<String, String> now = body.get().fieldHashes(bookingId);
            List<String> changed = now.keySet().stream().filter(field -> !now.get(field).equals(previous.get(field))).toList();
            return changed.isEmpty() ? List.copyOf(now.keySet()) : changed;
        }
    }

    public boolean isEmpty() {
        return changes.isEmpty() && moves.isEmpty();
    }

    /** Per configured system, the endpoint the ledger is to describe after this plan ({@link RemoteEndpoint#identity}). */
    public Map<RemoteSystem, String> endpoints() {
        Map<RemoteSystem, String> endpoints = new LinkedHashMap<>();
        systems.forEach((system, where) -> endpoints.put(system, RemoteEndpoint.identity(where)));
        return endpoints;
    }

    public List<Change> changes(RemoteSystem system) {
        return changes.stream().filter(c -> c.system() == system).toList();
    }

    public long count(RemoteSystem system, Action action) {
        return changes.stream().filter(c -> c.system() == system && c.action() == action).count();
    }

    /** "JADA: create 2, update 1, delete 0; SCC: create 2, update 1, delete 0" */
    public String summary() {
        List<String> parts = new ArrayList<>();
        for (RemoteSystem system : RemoteSystem.values()) {
            parts.add(systems.containsKey(system) ? counts(system) : system.label() + ": not configured");
        }
        return String.join("; ", parts);
    }

    private String counts(RemoteSystem system) {
        return system.label() + ": create " + count(system, Action.CREATE) + ", update " + count(system, Action.UPDATE)
                + ", delete " + count(system, Action.DELETE);
    }

    /**
     * For reviewers, per system: deletions first and in bold, then updates (each changed field with its new value; the
     * pull request's diff shows the old one), then creates.
     */
    public List<String> markdown() {
        List<String> lines = new ArrayList<>();
        List<Change> drift = changes.stream().filter(Change::drift).toList();
        if (!drift.isEmpty()) {
            lines.add("### Drift found by refresh");
            drift.forEach(change -> lines.add("- " + change.system().label() + ": " + change.action().name().toLowerCase(java.util.Locale.ROOT)
                    + " " + codeSpan(change.bookingId()) + change.remoteId().map(id -> " (id " + id + ")").orElse("") + ": " + change.reason()));
        }
        for (RemoteSystem system : RemoteSystem.values()) {
            if (!systems.containsKey(system)) {
                lines.add("### " + system.label());
                lines.add("Not configured (set " + system.endpointProperty() + "): nothing is sent to " + system.label() + ".");
                continue;
            }
            lines.add("### " + system.label() + " (" + systems.get(system) + ")");
            lines.add(counts(system) + ", unchanged " + unchanged.getOrDefault(system, 0) + ".");
            moves.stream().filter(move -> move.system() == system).forEach(move -> lines.add(move.line() + "."));
            List<Change> ofSystem = changes(system);
            for (Action action : List.of(Action.DELETE, Action.UPDATE, Action.CREATE)) {
                for (Change change : ofSystem.stream().filter(c -> c.action() == action).toList()) {
                    lines.addAll(markdown(change));
                }
            }
        }
        return lines;
    }

    private static List<String> markdown(Change change) {
        String where = " (" + change.reason() + change.file().map(file -> "; " + codeSpan(file)).orElse("") + ")";
        String booking = codeSpan(change.bookingId());
        List<String> lines = new ArrayList<>();
        switch (change.action()) {
            case DELETE -> lines.add("- **delete " + booking + change.remoteId().map(id -> " (id " + id + ")").orElse("") + "**" + where);
            case UPDATE -> {
                lines.add("- update " + booking + change.remoteId().map(id -> " (id " + id + ")").orElse("") + where);
                Map<String, Object> fields = change.body().orElseThrow().fields();
                change.changedFields().forEach(field -> lines.add("  - `" + field + "` → " + literal(fields.get(field))));
            }
            case CREATE -> {
                lines.add("- create " + booking + where);
                change.body().ifPresent(body -> body.fields().forEach((field, value) ->
                        lines.add("  - `" + field + "`: " + literal(value))));
            }
        }
        return lines;
    }

    /** A value as JSON in a code span, so line breaks and quotes in notes stay visible and harmless. */
    private static String literal(Object value) {
        try {
            return "`" + JSON.writeValueAsString(value).replace("`", "\\u0060") + "`";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** plan.json's part: per system, configured or not, the counts and every change. */
    public Map<String, Object> json() {
        Map<String, Object> all = new LinkedHashMap<>();
        for (RemoteSystem system : RemoteSystem.values()) {
            Map<String, Object> part = new LinkedHashMap<>();
            part.put("configured", systems.containsKey(system));
            if (systems.containsKey(system)) {
                part.put("endpoint", systems.get(system));
                part.put("create", count(system, Action.CREATE));
                part.put("update", count(system, Action.UPDATE));
                part.put("delete", count(system, Action.DELETE));
                part.put("unchanged", unchanged.getOrDefault(system, 0));
                moves.stream().filter(move -> move.system() == system).forEach(move -> part.put("ledgerDescribes", move.from()));
                part.put("changes", changes(system).stream().map(ReconcilePlan::json).toList());
            }
            all.put(system.key(), part);
        }
        return all;
    }

    private static Map<String, Object> json(Change change) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("action", change.action().name().toLowerCase(java.util.Locale.ROOT));
        json.put("booking", change.bookingId());
        change.file().ifPresent(file -> json.put("file", file));
        json.put("reason", change.reason());
        if (change.drift()) {
            json.put("drift", true);
        }
        change.remoteId().ifPresent(id -> json.put("id", id));
        change.body().ifPresent(body -> json.put("body", body.fields()));
        if (change.action() == Action.UPDATE) {
            json.put("changed", change.changedFields());
        }
        return json;
    }
}
