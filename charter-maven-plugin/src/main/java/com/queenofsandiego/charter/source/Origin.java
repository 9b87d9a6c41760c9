package com.queenofsandiego.charter.source;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where a value came from: the file (as shown to users and as a path on disk) and the position of each field.
 */
public record Origin(String displayPath, Path path, Map<String, Position> fields) {

    public Origin {
        fields = Map.copyOf(fields);
    }

    public Position positionOf(String field) {
        return fields.getOrDefault(field, Position.START);
    }
}
