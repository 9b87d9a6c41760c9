package com.queenofsandiego.charter.reconcile;

import java.util.List;
import java.util.Locale;

/**
 * JADA and SCC as the contract ({@code contracts/jada-scc.md}) describes them: where their entries live, how they
 * authenticate, the fields a body carries and where the secret comes from. The one place to change when the real APIs
 * are confirmed.
 */
public enum RemoteSystem {
    JADA(
            "JADA",
            "/calendar",
            "X-Dashboard-Token",
            "",
            "title",
            "CHARTER_JADA_TOKEN",
            "charter-jada",
            "charter.jada.endpoint"),
    SCC(
            "SCC",
            "/events",
            "Authorization",
            "Bearer ",
            "event_name",
            "CHARTER_SCC_KEY",
            "charter-scc",
            "charter.scc.endpoint");

    private final String label;
    private final String collection;
    private final String authHeader;
    private final String authScheme;
    private final String titleField;
    private final String environmentVariable;
    private final String serverId;
    private final String endpointProperty;

    RemoteSystem(
            String label,
            String collection,
            String authHeader,
            String authScheme,
            String titleField,
            String environmentVariable,
            String serverId,
            String endpointProperty) {
        this.label = label;
        this.collection = collection;
        this.authHeader = authHeader;
        this.authScheme = authScheme;
        this.titleField = titleField;
        this.environmentVariable = environmentVariable;
        this.serverId = serverId;
        this.endpointProperty = endpointProperty;
    }

    public String label() {
        return label;
    }

    /** {@code jada} or {@code scc}: the key in the ledger and in plan.json. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The path of the collection, e.g. {@code /calendar}. */
    public String collection() {
        return collection;
    }

    public String authHeader() {
        return authHeader;
    }

    public String authValue(String secret) {
        return authScheme + secret;
    }

    /** What the entry's title is called: {@code title} in JADA, {@code event_name} in SCC. */
    public String titleField() {
        return titleField;
    }

    /** The fields of a body, in the contract's order. */
    public List<String> fields() {
        return this == JADA
                ? List.of("title", "date", "start_time", "end_time", "notes", "external_id")
                : List.of("event_name", "date", "start_time", "end_time", "crew", "notes", "external_id");
    }

    public String environmentVariable() {
        return environmentVariable;
    }

    public String serverId() {
        return serverId;
    }

    public String endpointProperty() {
        return endpointProperty;
    }

    /** Where the secret may come from, for messages: never the secret itself. */
    public String secretSources() {
        return "the environment variable " + environmentVariable + " or the password of the server '" + serverId
                + "' in Maven's settings.xml";
    }
}
