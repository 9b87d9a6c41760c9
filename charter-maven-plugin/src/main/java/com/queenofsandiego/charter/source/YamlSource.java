package com.queenofsandiego.charter.source;

import com.queenofsandiego.charter.text.UntrustedText;
import org.snakeyaml.engine.v2.api.ConstructNode;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeType;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.Schema;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a hand-written YAML file into a node tree that keeps every value's line and column.
 *
 * <p>Values are not resolved to types here: YAML 1.2 (snakeyaml-engine) keeps {@code 10:00} as text rather than
 * YAML 1.1's sexagesimal 600, and {@link Fields} converts each value by what the field expects.
 */
public final class YamlSource {

    /** Booking and roster files are a screenful; anything larger is a mistake, not a booking. */
    public static final long MAX_BYTES = 1024 * 1024;

    /** Few enough collection aliases that an alias bomb cannot grow; more than any real file needs. */
    private static final int MAX_COLLECTION_ALIASES = 8;

    /**
     * Every scalar stays text, as {@link Fields} wants it. The default JSON schema matches each plain scalar against
     * its patterns for numbers, booleans and null — a fifth of parsing — for tags nothing here reads.
     */
    private static final Schema TEXT_ONLY = new Schema() {
        @Override
        public ScalarResolver getScalarResolver() {
            return (value, implicit) -> Tag.STR;
        }

        @Override
        public Map<Tag, ConstructNode> getSchemaTagConstructors() {
            return Map.of();
        }
    };

    private static final LoadSettings SETTINGS = LoadSettings.builder()
            .setSchema(TEXT_ONLY)
            .setMaxAliasesForCollections(MAX_COLLECTION_ALIASES)
            .setAllowRecursiveKeys(false)
            .setCodePointLimit((int) MAX_BYTES + 1)
            .build();

    private YamlSource() {}

    /**
     * The file's single top-level mapping, or empty after reporting why there is none
     * (unreadable, too large, not UTF-8, invalid YAML, empty, several documents, or not a mapping).
     */
    public static Optional<MappingNode> readMapping(Path file, Problems problems, String whatItHolds) {
        return readText(file, problems).flatMap(text -> parseMapping(text, problems, whatItHolds));
    }

    /** As {@link #readMapping(Path, Problems, String)}, for text already read (such as a page's front matter). */
    public static Optional<MappingNode> parseMapping(String text, Problems problems, String whatItHolds) {
        if (text.isBlank()) {
            problems.at(Position.START, "the file is empty; it should hold " + whatItHolds);
            return Optional.empty();
        }
        try {
            Iterator<Node> documents =
                    new Compose(SETTINGS).composeAllFromString(text).iterator();
            if (!documents.hasNext()) {
                problems.at(Position.START, "the file holds only comments; it should hold " + whatItHolds);
                return Optional.empty();
            }
            Node root = documents.next();
            if (documents.hasNext()) {
                problems.at(Position.of(documents.next()), "a second YAML document ('---'); a file holds one");
                return Optional.empty();
            }
            if (root.getNodeType() != NodeType.MAPPING) {
                problems.at(root, "expected " + whatItHolds + " as 'key: value' lines, found " + Fields.describe(root));
                return Optional.empty();
            }
            return Optional.of((MappingNode) root);
        } catch (MarkedYamlEngineException e) {
            Position where = Position.of(e.getProblemMark().isPresent() ? e.getProblemMark() : e.getContextMark());
            problems.at(where, "not valid YAML: " + describe(e));
            return Optional.empty();
        } catch (ReaderException e) {
            // YAML allows no control characters but tab and line breaks; say which one, without printing it.
            problems.at(
                    positionOf(text, e.getPosition()),
                    "the file holds " + UntrustedText.describe(e.getCodePoint())
                            + ", which YAML does not allow; remove it");
            return Optional.empty();
        } catch (YamlEngineException e) {
            problems.at(Position.START, "not valid YAML: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** The file as UTF-8 text (without a byte-order mark), or empty after reporting why it cannot be read. */
    public static Optional<String> readText(Path file, Problems problems) {
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                problems.at(Position.START, "the file is " + size + " bytes; it must be under " + MAX_BYTES + " bytes");
                return Optional.empty();
            }
            byte[] bytes = Files.readAllBytes(file);
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes))
                    .toString();
            return Optional.of(text.startsWith("\uFEFF") ? text.substring(1) : text);
        } catch (CharacterCodingException e) {
            problems.at(Position.START, "the file is not UTF-8 text; save it as UTF-8");
            return Optional.empty();
        } catch (IOException e) {
            problems.at(Position.START, "cannot read the file: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** The line and column of a code point index into the text. */
    private static Position positionOf(String text, int codePointIndex) {
        int line = 1;
        int column = 1;
        int[] codePoints = text.codePoints().limit(codePointIndex).toArray();
        for (int c : codePoints) {
            if (c == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new Position(line, column);
    }

    private static String describe(MarkedYamlEngineException e) {
        String problem = e.getProblem() == null ? "" : e.getProblem().trim();
        String context = e.getContext() == null ? "" : e.getContext().trim();
        if (problem.isEmpty()) {
            return context;
        }
        return context.isEmpty() ? problem : problem + " (" + context + ")";
    }
}
