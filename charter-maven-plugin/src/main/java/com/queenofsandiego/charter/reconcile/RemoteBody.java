package com.queenofsandiego.charter.reconcile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.codec.digest.DigestUtils;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A JADA entry or SCC event body as it is sent: fields in the contract's order, serialised the same way every time, so
 * its hash says whether anything changed since it was last sent.
 */
public record RemoteBody(Map<String, Object> fields) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public RemoteBody {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    public byte[] json() {
        try {
            return JSON.writeValueAsBytes(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a body", e);
        }
    }

    /** SHA-256 of {@link #json()}, in hex. */
    public String hash() {
        return DigestUtils.sha256Hex(json());
    }

    /**
     * Per field, the first 12 hex of SHA-256 over the booking id, the field name and its value: enough for a plan to name the
     * fields an update changes, while the ledger keeps no guest name, note or other value.
     */
    public Map<String, String> fieldHashes(String bookingId) {
        Map<String, String> hashes = new LinkedHashMap<>();
        fields.forEach((field, value) -> {
            try {
                hashes.put(
                        field,
                        DigestUtils.sha256Hex(bookingId + "\n" + field + "\n" + JSON.writeValueAsString(value))
                                .substring(0, 12));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot serialise a field", e);
            }
        });
        return hashes;
    }

    /** {@code <booking id>-<first 12 hex of the body's SHA-256>}: the same for every retry of one create. */
    public String idempotencyKey(String bookingId) {
        return bookingId + "-" + hash().substring(0, 12);
    }

    /** Whether an entry a server returned already holds every field of this body. */
    public boolean matches(JsonNode entry) {
        JsonNode wanted = JSON.valueToTree(fields);
        for (Map.Entry<String, JsonNode> field : wanted.properties()) {
            if (!Objects.equals(field.getValue(), entry.get(field.getKey()))) {
                return false;
            }
        }
        return true;
    }
}
