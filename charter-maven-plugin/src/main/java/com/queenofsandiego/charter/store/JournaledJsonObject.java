package com.queenofsandiego.charter.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.queenofsandiego.charter.BackgroundTask;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Function;

/**
 * A JSON object kept on disk as a snapshot ({@code name.json}) plus an append-only journal of the changes since
 * ({@code name.journal.jsonl}, JSON Lines: {@code {"put":[path],"value":v}} or {@code {"remove":[path]}}, a path being
 * the field names from the top), so that a change costs one line, not a rewrite of the whole object.
 *
 * <p>The snapshot is read and the journal replayed on a thread of its own from construction, so that opening a large
 * one does not hold up whoever opens it; the first use waits for it, and a file that cannot be read fails every use.
 * A last line without its newline was cut off by a process killed mid-append: it is dropped. When the journal has
 * grown past {@value #COMPACT_AFTER_LINES} lines and a quarter of the snapshot's size, loading folds it into a new
 * snapshot. Thread-safe.
 */
public final class JournaledJsonObject implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final int COMPACT_AFTER_LINES = 1000;

    private final Path snapshot;
    private final Path journal;
    private final Function<IOException, RuntimeException> unreadable;
    private final BackgroundTask<ObjectNode, IOException> loading;
    private OutputStream appending;
    private boolean closed;

    /**
     * Starts reading {@code snapshot} (absent: an empty object) and its journal.
     *
     * @param unreadable the exception every use throws when they cannot be read, given what is wrong and where
     */
    public JournaledJsonObject(Path snapshot, Function<IOException, RuntimeException> unreadable) {
        this.snapshot = snapshot;
        this.journal = journalOf(snapshot);
        this.unreadable = unreadable;
        this.loading = BackgroundTask.start("charter-read-" + snapshot, this::load);
    }

    /** The journal of {@code snapshot}: {@code name.journal.jsonl} for {@code name.json}. */
    public static Path journalOf(Path snapshot) {
        String name = snapshot.getFileName().toString();
        return snapshot.resolveSibling(
                (name.endsWith(".json") ? name.substring(0, name.length() - ".json".length()) : name)
                        + ".journal.jsonl");
    }

    /** What {@code query} finds in the object; it sees the object itself, and must not change it. */
    public synchronized <T> T read(Function<ObjectNode, T> query) {
        return query.apply(document());
    }

    /** Sets the field at {@code path} (objects on the way are made as needed) to a copy of {@code value}. */
    public synchronized void put(JsonNode value, String... path) {
        ObjectNode document = document();
        JsonNode copy = value.deepCopy();
        ObjectNode line = JSON.createObjectNode();
        line.set("put", names(path));
        line.set("value", copy);
        append(line);
        parent(document, path).set(path[path.length - 1], copy);
    }

    /** Removes the field at {@code path}; whether there was one. */
    public synchronized boolean remove(String... path) {
        if (!has(document(), path)) {
            return false;
        }
        append(JSON.createObjectNode().set("remove", names(path)));
        parent(document(), path).remove(path[path.length - 1]);
        return true;
    }

    /** Waits for the reading thread to end (a failure to read is reported to uses, not here) and closes the journal. */
    @Override
    public synchronized void close() {
        loading.close();
        closed = true;
        try {
            if (appending != null) {
                appending.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + journal, e);
        }
    }

    private ObjectNode document() {
        try {
            return loading.join();
        } catch (IOException e) {
            throw unreadable.apply(e);
        }
    }

    /** One line in one write, so that a process killed mid-append leaves at most the last line cut short. */
    private void append(ObjectNode line) {
        if (closed) {
            throw new IllegalStateException(journal + " is closed");
        }
        try {
            if (appending == null) {
                Files.createDirectories(journal.getParent());
                appending = Files.newOutputStream(journal, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
            byte[] json = JSON.writeValueAsBytes(line);
            byte[] bytes = new byte[json.length + 1];
            System.arraycopy(json, 0, bytes, 0, json.length);
            bytes[json.length] = '\n';
            appending.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + journal, e);
        }
    }

    private ObjectNode load() throws IOException {
        ObjectNode document = JSON.createObjectNode();
        long snapshotSize = 0;
        if (Files.isRegularFile(snapshot)) {
            JsonNode read;
            try {
                read = JSON.readTree(snapshot.toFile());
            } catch (JsonProcessingException e) {
                throw new IOException(snapshot + ": " + e.getOriginalMessage(), e);
            }
            if (read == null || !read.isObject()) {
                throw new IOException(snapshot + ": not a JSON object");
            }
            document = (ObjectNode) read;
            snapshotSize = Files.size(snapshot);
        }
        if (!Files.isRegularFile(journal)) {
            return document;
        }
        int lines = replay(document);
        if (lines > COMPACT_AFTER_LINES && Files.size(journal) > snapshotSize / 4) {
            compact(document);
        }
        return document;
    }

    /** Applies the journal's changes in order; the number of lines. */
    private int replay(ObjectNode document) throws IOException {
        byte[] bytes = Files.readAllBytes(journal);
        int start = 0;
        int line = 0;
        while (start < bytes.length) {
            int end = start;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            if (end == bytes.length) {
                // Cut off by a process killed mid-append; cut here too, so that the next line starts on a line of its
                // own.
                try (FileChannel channel = FileChannel.open(journal, StandardOpenOption.WRITE)) {
                    channel.truncate(start);
                }
                break;
            }
            line++;
            if (end > start) {
                apply(document, bytes, start, end - start, line);
            }
            start = end + 1;
        }
        return line;
    }

    private void apply(ObjectNode document, byte[] bytes, int offset, int length, int line) throws IOException {
        JsonNode change;
        try {
            change = JSON.readTree(bytes, offset, length);
        } catch (JsonProcessingException e) {
            throw new IOException(journal + ":" + line + ": not a change: " + e.getOriginalMessage(), e);
        }
        JsonNode put = change.get("put");
        JsonNode remove = change.get("remove");
        String[] path = (put == null) == (remove == null) ? new String[0] : path(put != null ? put : remove);
        if (path.length == 0 || (put != null && !change.has("value"))) {
            throw new IOException(journal + ":" + line
                    + ": not a change: expected {\"put\":[path],\"value\":v} or {\"remove\":[path]}");
        }
        if (put != null) {
            parent(document, path).set(path[path.length - 1], change.get("value"));
        } else {
            parent(document, path).remove(path[path.length - 1]);
        }
    }

    /** Writes the object as the new snapshot in one move, then empties the journal it now includes. */
    private void compact(ObjectNode document) throws IOException {
        AtomicFiles.replace(snapshot, JSON.writeValueAsBytes(document));
        // Emptied rather than deleted: a replay after a crash between the move and this is harmless, and a writer
        // that still has the journal open keeps appending to the same file.
        try (FileChannel channel = FileChannel.open(journal, StandardOpenOption.WRITE)) {
            channel.truncate(0);
        }
    }

    private static String[] path(JsonNode names) {
        if (!names.isArray()) {
            return new String[0];
        }
        String[] path = new String[names.size()];
        for (int i = 0; i < path.length; i++) {
            if (!names.get(i).isTextual()) {
                return new String[0];
            }
            path[i] = names.get(i).asText();
        }
        return path;
    }

    private static ArrayNode names(String... path) {
        if (path.length == 0) {
            throw new IllegalArgumentException("a change needs a path");
        }
        ArrayNode names = JSON.createArrayNode();
        for (String name : path) {
            names.add(name);
        }
        return names;
    }

    /** The object holding the last field of {@code path}, made (in place of anything else there) when missing. */
    private static ObjectNode parent(ObjectNode document, String... path) {
        ObjectNode node = document;
        for (int i = 0; i < path.length - 1; i++) {
            JsonNode child = node.get(path[i]);
            node = child instanceof ObjectNode object ? object : node.putObject(path[i]);
        }
        return node;
    }

    private static boolean has(ObjectNode document, String... path) {
        JsonNode node = document;
        for (String name : path) {
            node = node.path(name);
        }
        return !node.isMissingNode();
    }
}
