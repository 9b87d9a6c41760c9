package com.queenofsandiego.charter.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.queenofsandiego.charter.publish.PublishPlan;
import com.queenofsandiego.charter.publish.PublishPlanner;
import com.queenofsandiego.charter.reconcile.ReconcilePlan;
import com.queenofsandiego.charter.reconcile.RemoteSystem;
import com.queenofsandiego.charter.text.UntrustedText;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static com.queenofsandiego.charter.text.UntrustedText.codeSpan;

/**
 * The one place a plan is written out: Markdown for reviewers ({@code plan.md}, the job summary, the log) and the
 * shape of {@code plan.json} for machines. Every value taken from a booking goes through {@link UntrustedText}.
 */
public final class PlanReport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PlanReport() {}

    /** Both plans for reviewers, with the blank lines Markdown needs between headings, lists and paragraphs. */
    public static List<String> markdown(DeployPlan plan) {
        List<String> parts = new ArrayList<>(markdown(plan.publish()));
        parts.addAll(markdown(plan.reconcile()));
        List<String> lines = new ArrayList<>();
        String previous = "";
        for (String line : parts) {
            boolean listItem = line.startsWith("- ") || line.startsWith("  - ");
            boolean previousListItem = previous.startsWith("- ") || previous.startsWith("  - ");
            if (!lines.isEmpty()
                    && (line.startsWith("#") || previous.startsWith("#") || listItem != previousListItem)) {
                lines.add("");
            }
            lines.add(line);
            previous = line;
        }
        return lines;
    }

    /** Publishing for reviewers: deletions first and in bold, then uploads with why, invalidations and the function. */
    public static List<String> markdown(PublishPlan plan) {
        List<String> lines = new ArrayList<>();
        lines.add("### S3 (" + plan.target() + ")");
        if (plan.uploads().isEmpty() && plan.deletes().isEmpty()) {
            lines.add("Nothing to upload or delete (" + plan.unchanged() + " objects unchanged).");
        }
        for (String key : plan.deletes()) {
            lines.add("- **delete " + codeSpan(key) + "**");
        }
        for (PublishPlan.Phase phase : plan.phases()) {
            for (PublishPlan.Upload upload : phase.uploads()) {
                String key = upload.object().key();
                // plan.md sits beside site/ in the CI artifact, so a reviewer can open the rendered page from here.
                String preview = key.endsWith(".html") ? " — [preview](site/" + key + ")" : "";
                boolean added = upload.reason() == PublishPlan.Reason.NEW;
                lines.add("- " + (added ? "add " : "update ") + codeSpan(key) + " ("
                        + (added ? "" : upload.reason().words() + "; ")
                        + PublishPlan.kilobytes(upload.object().size()) + ", "
                        + upload.object().contentType() + ")" + preview);
            }
        }
        if (!plan.uploads().isEmpty() || !plan.deletes().isEmpty()) {
            lines.add(plan.unchanged() + " objects unchanged.");
        }
        lines.add("### CloudFront");
        if (!plan.cdnConfigured()) {
            lines.add("Not configured (set charter.cloudfront.distributionId): nothing is invalidated.");
            return lines;
        }
        lines.add(
                plan.invalidations().isEmpty()
                        ? "No invalidation."
                        : "Invalidate: "
                                + String.join(
                                        ", ",
                                        plan.invalidations().stream()
                                                .map(UntrustedText::codeSpan)
                                                .toList()));
        lines.add("Function `" + PublishPlanner.FUNCTION_NAME + "`: "
                + switch (plan.function()) {
                    case NONE -> "unchanged.";
                    case CREATE -> "create and publish.";
                    case UPDATE -> "update and publish.";
                });
        lines.add("Viewer-request association: " + plan.associationSummary()
                + (plan.associationRefused() ? ": **deploy refuses**. " + plan.associationProblem() + "." : "."));
        return lines;
    }

    /**
     * Reconciling for reviewers, per system: deletions first and in bold, then updates (each changed field with its new
     * value; the pull request's diff shows the old one), then creates.
     */
    public static List<String> markdown(ReconcilePlan plan) {
        List<String> lines = new ArrayList<>();
        List<ReconcilePlan.Change> drift =
                plan.changes().stream().filter(ReconcilePlan.Change::drift).toList();
        if (!drift.isEmpty()) {
            lines.add("### Drift found by refresh");
            drift.forEach(change -> lines.add("- " + change.system().label() + ": "
                    + change.action().name().toLowerCase(Locale.ROOT) + " " + codeSpan(change.bookingId())
                    + change.remoteId().map(id -> " (id " + id + ")").orElse("") + ": " + change.reason()));
        }
        for (RemoteSystem system : RemoteSystem.values()) {
            if (!plan.systems().containsKey(system)) {
                lines.add("### " + system.label());
                lines.add("Not configured (set " + system.endpointProperty() + "): nothing is sent to " + system.label()
                        + ".");
                continue;
            }
            lines.add("### " + system.label() + " (" + plan.systems().get(system) + ")");
            lines.add(plan.counts(system) + ", unchanged " + plan.unchanged().getOrDefault(system, 0) + ".");
            plan.moves().stream().filter(move -> move.system() == system).forEach(move -> lines.add(move.line() + "."));
            List<ReconcilePlan.Change> ofSystem = plan.changes(system);
            for (ReconcilePlan.Action action :
                    List.of(ReconcilePlan.Action.DELETE, ReconcilePlan.Action.UPDATE, ReconcilePlan.Action.CREATE)) {
                for (ReconcilePlan.Change change :
                        ofSystem.stream().filter(c -> c.action() == action).toList()) {
                    lines.addAll(markdown(change));
                }
            }
        }
        return lines;
    }

    private static List<String> markdown(ReconcilePlan.Change change) {
        String where = " (" + change.reason()
                + change.file().map(file -> "; " + codeSpan(file)).orElse("") + ")";
        String booking = codeSpan(change.bookingId());
        String id = change.remoteId().map(remoteId -> " (id " + remoteId + ")").orElse("");
        List<String> lines = new ArrayList<>();
        switch (change.action()) {
            case DELETE -> lines.add("- **delete " + booking + id + "**" + where);
            case UPDATE -> {
                lines.add("- update " + booking + id + where);
                Map<String, Object> fields = change.body().orElseThrow().fields();
                change.changedFields()
                        .forEach(field -> lines.add("  - `" + field + "` → " + literal(fields.get(field))));
            }
            case CREATE -> {
                lines.add("- create " + booking + where);
                change.body()
                        .ifPresent(body -> body.fields()
                                .forEach((field, value) -> lines.add("  - `" + field + "`: " + literal(value))));
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

    /** plan.json: whether there is anything to do, S3, CloudFront, and per system the counts and every change. */
    public static Map<String, Object> json(DeployPlan deploy) {
        PublishPlan plan = deploy.publish();
        Map<String, Object> publish = new LinkedHashMap<>();
        publish.put("target", plan.target());
        publish.put(
                "uploads",
                plan.phases().stream()
                        .flatMap(phase -> phase.uploads().stream().map(upload -> {
                            Map<String, Object> json = new LinkedHashMap<>();
                            json.put("key", upload.object().key());
                            json.put("phase", phase.name());
                            json.put("reason", upload.reason().name().toLowerCase(Locale.ROOT));
                            json.put("bytes", upload.object().size());
                            json.put("contentType", upload.object().contentType());
                            json.put("cacheControl", upload.object().cacheControl());
                            return json;
                        }))
                        .toList());
        publish.put("deletes", plan.deletes());
        publish.put("unchanged", plan.unchanged());
        Map<String, Object> cdn = new LinkedHashMap<>();
        cdn.put("configured", plan.cdnConfigured());
        cdn.put("invalidations", plan.invalidations());
        cdn.put("function", plan.function().name().toLowerCase(Locale.ROOT));
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("empty", deploy.isEmpty());
        all.put("s3", publish);
        all.put("cloudfront", cdn);
        all.putAll(json(deploy.reconcile()));
        return all;
    }

    /** plan.json's JADA and SCC parts: per system, configured or not, the counts and every change. */
    public static Map<String, Object> json(ReconcilePlan plan) {
        Map<String, Object> all = new LinkedHashMap<>();
        for (RemoteSystem system : RemoteSystem.values()) {
            Map<String, Object> part = new LinkedHashMap<>();
            part.put("configured", plan.systems().containsKey(system));
            if (plan.systems().containsKey(system)) {
                part.put("endpoint", plan.systems().get(system));
                part.put("create", plan.count(system, ReconcilePlan.Action.CREATE));
                part.put("update", plan.count(system, ReconcilePlan.Action.UPDATE));
                part.put("delete", plan.count(system, ReconcilePlan.Action.DELETE));
                part.put("unchanged", plan.unchanged().getOrDefault(system, 0));
                plan.moves().stream()
                        .filter(move -> move.system() == system)
                        .forEach(move -> part.put("ledgerDescribes", move.from()));
                part.put(
                        "changes",
                        plan.changes(system).stream().map(PlanReport::json).toList());
            }
            all.put(system.key(), part);
        }
        return all;
    }

    private static Map<String, Object> json(ReconcilePlan.Change change) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("action", change.action().name().toLowerCase(Locale.ROOT));
        json.put("booking", change.bookingId());
        change.file().ifPresent(file -> json.put("file", file));
        json.put("reason", change.reason());
        if (change.drift()) {
            json.put("drift", true);
        }
        change.remoteId().ifPresent(id -> json.put("id", id));
        change.body().ifPresent(body -> json.put("body", body.fields()));
        if (change.action() == ReconcilePlan.Action.UPDATE) {
            json.put("changed", change.changedFields());
        }
        return json;
    }
}
