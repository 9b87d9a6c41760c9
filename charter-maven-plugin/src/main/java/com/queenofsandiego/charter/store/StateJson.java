package com.queenofsandiego.charter.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;

/** JSON for the deploy state and the local stand-ins: documents keyed by object key, booking id or entry id. */
public final class StateJson {

    private StateJson() {}

    /**
     * A mapper for documents with thousands of unique field names, with Jackson's table of field names off: it grew by
     * copying itself (55 MB for 20,000 keys), and every later parser of the same factory started from a copy of it.
     * Without the table Jackson parses characters rather than bytes.
     */
    public static ObjectMapper mapper() {
        return new ObjectMapper(JsonFactory.builder()
                .disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES)
                .build());
    }
}
