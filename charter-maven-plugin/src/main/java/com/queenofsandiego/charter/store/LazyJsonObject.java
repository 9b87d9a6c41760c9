package com.queenofsandiego.charter.store;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON object read from its text whose members stay JSON text until something asks for them: an object is split
 * into its members when a path walks through it, and a member is parsed when it is asked for. Opening the local
 * stand-ins' state (20,000 entries) then costs a scan of the text, not a tree of it, and a run that touches two
 * entries parses two. Objects larger than {@value #INDEX_ON_LOAD} characters are split when read, as they are the
 * containers every path walks through. Not thread-safe.
 */
final class LazyJsonObject {

    /** Without a field-name table (see {@link StateJson}), so Jackson parses characters: texts are kept as such. */
    private static final ObjectMapper JSON = StateJson.mapper();

    static final int INDEX_ON_LOAD = 64 * 1024;

    /** A member's JSON text, not yet parsed. */
    private record Text(char[] chars, int offset, int length) {

        boolean isObject() {
            return chars[offset] == '{';
        }

        JsonNode parse() {
            try (JsonParser parser = parser()) {
                return JSON.readTree(parser);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        JsonParser parser() throws IOException {
            return JSON.getFactory().createParser(chars, offset, length);
        }
    }

    /** Each value a {@link Text}, a {@link LazyJsonObject} or a {@link JsonNode}; in the order first set. */
    private final Map<String, Object> members = new LinkedHashMap<>();

    /** An empty object. */
    LazyJsonObject() {}

    /** The object that {@code bytes} (UTF-8) hold; throws when they hold anything else or are not JSON. */
    static LazyJsonObject read(byte[] bytes) throws IOException {
        CharBuffer decoded;
        try {
            decoded = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
        } catch (CharacterCodingException e) {
            throw new IOException("not UTF-8 text", e);
        }
        char[] chars = decoded.array();
        try (JsonParser parser = JSON.getFactory().createParser(chars, 0, decoded.limit())) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not a JSON object");
            }
            LazyJsonObject object = members(parser, chars, 0, 1);
            if (parser.nextToken() != null) {
                throw new IOException("more after the object, at character "
                        + parser.currentTokenLocation().getCharOffset());
            }
            return object;
        }
    }

    private static LazyJsonObject split(Text text) {
        try (JsonParser parser = text.parser()) {
            parser.nextToken();
            return members(parser, text.chars(), text.offset(), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads the members of the object the parser has just entered, as texts, in one pass. Objects among them are split
     * in the same pass, {@code depth} levels down, and kept split when larger than {@value #INDEX_ON_LOAD} characters
     * (the containers every path walks through; a smaller one is cheaper to keep as text). The parser's offsets count
     * from {@code base} in {@code chars}, where the text it was given starts.
     */
    private static LazyJsonObject members(JsonParser parser, char[] chars, int base, int depth) throws IOException {
        LazyJsonObject object = new LazyJsonObject();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            int start = base + (int) parser.currentTokenLocation().getCharOffset();
            LazyJsonObject split = null;
            if (value == JsonToken.START_OBJECT && depth > 0) {
                split = members(parser, chars, base, depth - 1);
            } else if (value.isStructStart()) {
                parser.skipChildren();
            } else {
                parser.finishToken();
            }
            int end = base + (int) parser.currentLocation().getCharOffset();
            object.members.put(
                    name, split != null && end - start > INDEX_ON_LOAD ? split : new Text(chars, start, end - start));
        }
        return object;
    }

    /** The value at {@code path}, parsed (a copy: changing it changes nothing here); the whole object for none. */
    JsonNode get(String... path) {
        if (path.length == 0) {
            return tree();
        }
        LazyJsonObject parent = parent(path, false);
        Object value = parent == null ? null : parent.members.get(path[path.length - 1]);
        return value == null ? null : tree(value);
    }

    boolean has(String... path) {
        LazyJsonObject parent = parent(path, false);
        return parent != null && parent.members.containsKey(path[path.length - 1]);
    }

    /** Sets the value at {@code path}, making objects on the way in place of anything else there. */
    void put(JsonNode value, String... path) {
        parent(path, true).members.put(path[path.length - 1], value);
    }

    /** Removes the value at {@code path}; whether there was one. */
    boolean remove(String... path) {
        LazyJsonObject parent = parent(path, false);
        return parent != null && parent.members.remove(path[path.length - 1]) != null;
    }

    /** The names of the members of the object at {@code path}, in order; none when there is no object there. */
    List<String> names(String... path) {
        LazyJsonObject object = walk(path, path.length, false);
        return object == null ? List.of() : new ArrayList<>(object.members.keySet());
    }

    /**
     * For each member of the object at {@code path}, in order, the text of its own member {@code field} (null when it
     * has none, or it is not a string, number or boolean): one scan of each member, none of them parsed or split.
     */
    Map<String, String> texts(String field, String... path) {
        LazyJsonObject object = walk(path, path.length, false);
        if (object == null) {
            return Map.of();
        }
        Map<String, String> texts = new LinkedHashMap<>(object.members.size() * 4 / 3 + 1);
        object.members.forEach((name, value) -> texts.put(name, text(value, field)));
        return texts;
    }

    private static String text(Object value, String field) {
        if (value instanceof Text text) {
            if (!text.isObject()) {
                return null;
            }
            try (JsonParser parser = text.parser()) {
                parser.nextToken();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    boolean wanted = field.equals(parser.currentName());
                    JsonToken token = parser.nextToken();
                    if (wanted) {
                        return token.isScalarValue() && token != JsonToken.VALUE_NULL ? parser.getText() : null;
                    }
                    parser.skipChildren();
                }
                return null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return textOf(tree(value).path(field));
    }

    /** A string's, number's or boolean's text; null for anything else, as {@link #texts} gives it. */
    static String textOf(JsonNode node) {
        return node.isValueNode() && !node.isNull() ? node.asText() : null;
    }

    /** Writes this object, members still as text copied as they were read. */
    void write(JsonGenerator generator) throws IOException {
        generator.writeStartObject();
        for (Map.Entry<String, Object> member : members.entrySet()) {
            generator.writeFieldName(member.getKey());
            Object value = member.getValue();
            if (value instanceof Text text) {
                generator.writeRawValue(text.chars(), text.offset(), text.length());
            } else if (value instanceof LazyJsonObject object) {
                object.write(generator);
            } else {
                generator.writeTree((JsonNode) value);
            }
        }
        generator.writeEndObject();
    }

    /** The object holding the last name of {@code path}: null when missing, unless {@code make}. */
    private LazyJsonObject parent(String[] path, boolean make) {
        if (path.length == 0) {
            throw new IllegalArgumentException("a path needs a name");
        }
        return walk(path, path.length - 1, make);
    }

    /** The object at the first {@code depth} names of {@code path}: null when missing, unless {@code make}. */
    private LazyJsonObject walk(String[] path, int depth, boolean make) {
        LazyJsonObject object = this;
        for (int i = 0; i < depth && object != null; i++) {
            object = object.child(path[i], make);
        }
        return object;
    }

    private LazyJsonObject child(String name, boolean make) {
        Object value = members.get(name);
        LazyJsonObject child;
        if (value instanceof LazyJsonObject object) {
            return object;
        } else if (value instanceof Text text && text.isObject()) {
            child = split(text);
        } else if (value instanceof ObjectNode node) {
            child = new LazyJsonObject();
            node.fields().forEachRemaining(field -> child.members.put(field.getKey(), field.getValue()));
        } else if (make) {
            child = new LazyJsonObject();
        } else {
            return null;
        }
        members.put(name, child);
        return child;
    }

    private ObjectNode tree() {
        ObjectNode tree = JSON.createObjectNode();
        members.forEach((name, value) -> tree.set(name, tree(value)));
        return tree;
    }

    private static JsonNode tree(Object value) {
        if (value instanceof Text text) {
            return text.parse();
        } else if (value instanceof LazyJsonObject object) {
            return object.tree();
        }
        return ((JsonNode) value).deepCopy();
    }
}
