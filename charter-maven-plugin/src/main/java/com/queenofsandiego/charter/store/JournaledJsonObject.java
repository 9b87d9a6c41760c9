package com.queenofsandiego.charter.store;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.queenofsandiego.charter.BackgroundTask;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
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
 * snapshot. In memory the object stays as the snapshot's text until a use asks for a part of it (see
 * {@link LazyJsonObject}). Thread-safe.
 */
public final class JournaledJsonObject implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final int COMPACT_AFTER_LINES = 1000;

    private final Path snapshot;
    private final Path journal;
    private final Function<IOException, RuntimeException> unreadable;
    private final BackgroundTask<LazyJsonObject, IOException> loading;
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

    /**
     * The value at {@code path}, parsed (a copy: changing it changes nothing here); null when there is none. No path:
     * the whole object.
     */
    public synchronized JsonNode get(String... path) {
        return document().get(path);
    }

    public synchronized boolean has(String... path) {
        return document().has(path);
    }

    /** The names of the members of the object at {@code path}, in the order they were first set. */
    public synchronized List<String> names(String... path) {
        return document().names(path);
    }

    /**
     * For each member of the object at {@code path}, in order, the text of its own member {@code field} (null when it
     * has none, or it is not a string, number or boolean), without parsing the members: the local bucket lists every
     * object's MD5 this way, and the sandbox finds entries by {@code external_id}.
     */
    public synchronized Map<String, String> texts(String field, String... path) {
        return document().texts(field, path);
    }

    /** A string's, number's or boolean's text; null for anything else, as {@link #texts} gives it. */
    public static String textOf(JsonNode node) {
        return LazyJsonObject.textOf(node);
    }

    /** Sets the field at {@code path} (objects on the way are made as needed) to a copy of {@code value}. */
    public synchronized void put(JsonNode value, String... path) {
        LazyJsonObject document = document();
        JsonNode copy = value.deepCopy();
        ObjectNode line = JSON.createObjectNode();
        line.set("put", changed(path));
        line.set("value", copy);
        append(line);
        document.put(copy, path);
    }

    /** Removes the field at {@code path}; whether there was one. */
    public synchronized boolean remove(String... path) {
        if (!has(path)) {
            return false;
        }
        append(JSON.createObjectNode().set("remove", changed(path)));
        document().remove(path);
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

    private LazyJsonObject document() {
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

    private LazyJsonObject load() throws IOException {
        LazyJsonObject document = new LazyJsonObject();
        long snapshotSize = 0;
        if (Files.isRegularFile(snapshot)) {
            byte[] bytes = Files.readAllBytes(snapshot);
            try {
                document = LazyJsonObject.read(bytes);
            } catch (JsonProcessingException e) {
                throw new IOException(snapshot + ": " + e.getOriginalMessage(), e);
            } catch (IOException e) {
                throw new IOException(snapshot + ": " + e.getMessage(), e);
            }
            snapshotSize = bytes.length;
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
    private int replay(LazyJsonObject document) throws IOException {
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

    private void apply(LazyJsonObject document, byte[] bytes, int offset, int length, int line) throws IOException {
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
            document.put(change.get("value"), path);
        } else {
            document.remove(path);
        }
    }

    /** Writes the object as the new snapshot in one move, then empties the journal it now includes. */
    private void compact(LazyJsonObject document) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator generator = JSON.getFactory().createGenerator(bytes)) {
            document.write(generator);
        }
        AtomicFiles.replace(snapshot, bytes.toByteArray());
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

    /** The path as a change line names it. */
    private static ArrayNode changed(String... path) {
        if (path.length == 0) {
            throw new IllegalArgumentException("a change needs a path");
        }
        ArrayNode names = JSON.createArrayNode();
        for (String name : path) {
            names.add(name);
        }
        return names;
    }
}
