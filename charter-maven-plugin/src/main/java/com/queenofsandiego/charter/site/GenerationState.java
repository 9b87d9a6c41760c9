package com.queenofsandiego.charter.site;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.queenofsandiego.charter.store.AtomicFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * For each file of the last run, the fingerprint of the inputs it was rendered from; a file whose inputs have the
 * same fingerprint now, and which is still there, need not be rendered again.
 */
record GenerationState(Map<String, String> outputs) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    static GenerationState read(Path file) {
        if (!Files.isRegularFile(file)) {
            return new GenerationState(Map.of());
        }
        try {
            return JSON.readValue(file.toFile(), GenerationState.class);
        } catch (IOException unreadable) {
            // A damaged state only costs a full render.
            return new GenerationState(Map.of());
        }
    }

    boolean unchanged(String path, String fingerprint) {
        return fingerprint.equals(outputs.get(path));
    }

    void write(Path file) {
        try {
            AtomicFiles.replace(file, JSON.writeValueAsBytes(new GenerationState(new TreeMap<>(outputs))));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
