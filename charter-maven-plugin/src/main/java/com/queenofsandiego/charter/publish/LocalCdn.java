package com.queenofsandiego.charter.publish;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.queenofsandiego.charter.store.RequestCounter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The local target's CloudFront: invalidations appended to {@code invalidations.jsonl}, functions kept as files under
 * {@code cloudfront/}, so a first deploy without an AWS account shows what would happen.
 */
public final class LocalCdn implements Cdn {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path directory;
    private final RequestCounter requests = new RequestCounter();

    public LocalCdn(Path localDirectory) {
        this.directory = localDirectory;
    }

    public Path invalidationLog() {
        return directory.resolve("invalidations.jsonl");
    }

    @Override
    public synchronized void invalidate(List<String> paths, String callerReference) {
        requests.count("INVALIDATE");
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("callerReference", callerReference);
        line.put("paths", paths);
        try {
            Files.createDirectories(directory);
            Files.writeString(
                    invalidationLog(),
                    JSON.writeValueAsString(line) + "\n",
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + invalidationLog(), e);
        }
    }

    @Override
    public Optional<String> functionCode(String name) {
        requests.count("GET_FUNCTION");
        Path file = function(name);
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.readString(file)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    @Override
    public void publishFunction(String name, String code) {
        requests.count("PUBLISH_FUNCTION");
        Path file = function(name);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, code);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** The local target's stand-in distribution is charter's own: it always runs the function. */
    @Override
    public Association association(String functionName) {
        return new Association("the local CDN", true, "function " + functionName);
    }

    @Override
    public void associate(String functionName) {
        throw new IllegalStateException("the local CDN always runs " + functionName);
    }

    @Override
    public Map<String, Integer> requests() {
        return requests.snapshot();
    }

    private Path function(String name) {
        return directory.resolve("cloudfront").resolve(name + ".js");
    }
}
