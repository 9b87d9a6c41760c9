package com.queenofsandiego.charter.source;

import com.queenofsandiego.charter.text.UntrustedText;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Typed, position-aware access to one YAML mapping, reading values the way people type them.
 * Every conversion failure is reported to {@link Problems} and yields an empty result, so parsing goes on.
 */
public final class Fields {

    private static final Pattern DATE = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,9}");
    private static final Pattern TIME = Pattern.compile("(\\d{1,2})(?::(\\d{2}))?\\s*([aApP])?\\.?\\s*[mM]?\\.?");
    private static final Set<String> TRUE = Set.of("true", "yes", "y", "on");
    private static final Set<String> FALSE = Set.of("false", "no", "n", "off");

    private final String where;
    private final Problems problems;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();
    private final Node mapping;

    /**
     * @param where a prefix for messages about nested mappings ({@code "guest."}), empty at the top level
     * @param known the keys this mapping may hold; anything else is reported with a did-you-mean
     */
    public Fields(MappingNode mapping, String where, Set<String> known, Problems problems) {
        this.mapping = mapping;
        this.where = where;
        this.problems = problems;
        Map<String, Position> firstSeen = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (!(keyNode instanceof ScalarNode scalarKey)) {
                problems.at(keyNode, "a key must be a plain word such as 'date', not " + describe(keyNode));
                continue;
            }
            String key = scalarKey.getValue();
            Position position = Position.of(keyNode);
            if (firstSeen.containsKey(key)) {
                problems.at(
                        position,
                        "'" + where + key + "' appears twice (first on line "
                                + firstSeen.get(key).line() + "); keep one");
                continue;
            }
            firstSeen.put(key, position);
            if (!known.contains(key)) {
                problems.at(position, "unknown key '" + where + key + "'" + DidYouMean.hint(key, known));
                continue;
            }
            entries.put(key, tuple);
        }
    }

    /** Where a key's value starts, or where the key is, or the mapping's start when the key is absent. */
    public Position positionOf(String key) {
        NodeTuple tuple = entries.get(key);
        if (tuple == null) {
            return Position.of(mapping);
        }
        return isNull(tuple.getValueNode()) ? Position.of(tuple.getKeyNode()) : Position.of(tuple.getValueNode());
    }

    public boolean has(String key) {
        NodeTuple tuple = entries.get(key);
        return tuple != null && !isNull(tuple.getValueNode());
    }

    /** One line of text: no line breaks, tabs or other control characters (see {@link UntrustedText#isControl}). */
    public Optional<String> text(String key) {
        return scalar(key, "text").flatMap(node -> withoutControls(node, key, false));
    }

    /** Text that may run over lines: line feeds and tabs are allowed, other control characters are not. */
    public Optional<String> multilineText(String key) {
        return scalar(key, "text").flatMap(node -> withoutControls(node, key, true));
    }

    /**
     * The value, or empty after reporting its first control character: a line break or escape in a title or name would
     * forge lines in logs, calendars and plans. The message names the character and never shows it.
     */
    private Optional<String> withoutControls(ScalarNode node, String key, boolean multiline) {
        String value = node.getValue();
        for (int i = 0; i < value.length(); i += Character.charCount(value.codePointAt(i))) {
            int c = value.codePointAt(i);
            if (UntrustedText.isControl(c) && !(multiline && (c == '\n' || c == '\t'))) {
                problems.at(
                        positionIn(node, i),
                        "'" + where + key + "' holds " + UntrustedText.describe(c) + "; "
                                + (multiline
                                        ? "it may hold line breaks and tabs but no other control characters"
                                        : "it must be one line of text, without line breaks, tabs or other control characters"));
                return Optional.empty();
            }
        }
        return Optional.of(value);
    }

    /** Where the character at {@code index} of a value was typed: exact in plain text on one line, else the value's start. */
    private static Position positionIn(ScalarNode node, int index) {
        Position start = Position.of(node);
        if (node.getScalarStyle() != ScalarStyle.PLAIN
                || node.getValue().substring(0, index).indexOf('\n') >= 0) {
            return start;
        }
        return new Position(start.line(), start.column() + node.getValue().codePointCount(0, index));
    }

    public Optional<String> requiredText(String key, String example) {
        Optional<String> value = text(key);
        if (value.isEmpty() && !has(key)) {
            missing(key, example);
        } else if (value.isPresent() && value.get().isBlank()) {
            problems.at(
                    positionOf(key), "'" + where + key + "' is blank; write it like '" + key + ": " + example + "'");
            return Optional.empty();
        }
        return value;
    }

    public Optional<LocalDate> requiredDate(String key) {
        Optional<ScalarNode> node = scalar(key, "a date");
        if (node.isEmpty()) {
            if (!has(key)) {
                missing(key, "2024-05-30");
            }
            return Optional.empty();
        }
        String value = node.get().getValue().trim();
        Matcher m = DATE.matcher(value);
        if (!m.matches()) {
            problems.at(
                    node.get(),
                    where + key + " '" + value + "' is not a date; write it as YYYY-MM-DD, e.g. 2024-05-30");
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(
                    Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
        } catch (DateTimeException e) {
            problems.at(node.get(), where + key + " '" + value + "' is not a day of the calendar");
            return Optional.empty();
        }
    }

    /** A time of day: {@code 10:00}, {@code 9:30}, {@code 14:00}, or {@code 2:30 pm}. */
    public Optional<LocalTime> requiredTime(String key) {
        Optional<ScalarNode> node = scalar(key, "a time");
        if (node.isEmpty()) {
            if (!has(key)) {
                missing(key, "10:00");
            }
            return Optional.empty();
        }
        String value = node.get().getValue().trim();
        Optional<LocalTime> time = parseTime(value);
        if (time.isEmpty()) {
            problems.at(
                    node.get(),
                    where + key + " '" + value
                            + "' is not a time of day; write it as HH:MM on a 24-hour clock, e.g. 14:30");
        }
        return time;
    }

    static Optional<LocalTime> parseTime(String value) {
        Matcher m = TIME.matcher(value);
        if (!m.matches() || (m.group(2) == null && m.group(3) == null)) {
            return Optional.empty();
        }
        int hour = Integer.parseInt(m.group(1));
        int minute = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        if (m.group(3) != null) {
            if (hour < 1 || hour > 12) {
                return Optional.empty();
            }
            boolean pm = m.group(3).equalsIgnoreCase("p");
            hour = hour % 12 + (pm ? 12 : 0);
        }
        if (hour > 23 || minute > 59) {
            return Optional.empty();
        }
        return Optional.of(LocalTime.of(hour, minute));
    }

    public Optional<Boolean> bool(String key) {
        Optional<ScalarNode> node = scalar(key, "true or false");
        if (node.isEmpty()) {
            return Optional.empty();
        }
        String value = node.get().getValue().trim().toLowerCase(Locale.ROOT);
        if (TRUE.contains(value)) {
            return Optional.of(true);
        }
        if (FALSE.contains(value)) {
            return Optional.of(false);
        }
        problems.at(
                node.get(),
                where + key + " '" + node.get().getValue()
                        + "' is not true or false; write true or false (yes and no work too)");
        return Optional.empty();
    }

    public Optional<Integer> integer(String key) {
        Optional<ScalarNode> node = scalar(key, "a whole number");
        if (node.isEmpty()) {
            return Optional.empty();
        }
        String value = node.get().getValue().trim();
        if (!INTEGER.matcher(value).matches()) {
            problems.at(node.get(), where + key + " '" + value + "' is not a whole number");
            return Optional.empty();
        }
        return Optional.of(Integer.parseInt(value));
    }

    /** A list of short texts, written {@code [a, b]} or as {@code - a} lines. */
    public List<Located<String>> textList(String key) {
        NodeTuple tuple = entries.get(key);
        if (tuple == null || isNull(tuple.getValueNode())) {
            return List.of();
        }
        Node value = tuple.getValueNode();
        if (!(value instanceof SequenceNode sequence)) {
            problems.at(value, "'" + where + key + "' must be a list such as [maria, tom], not " + describe(value));
            return List.of();
        }
        List<Located<String>> items = new ArrayList<>();
        for (Node item : sequence.getValue()) {
            if (item instanceof ScalarNode scalar && !isNull(scalar)) {
                withoutControls(scalar, key, false)
                        .ifPresent(text -> items.add(new Located<>(text, Position.of(item))));
            } else {
                problems.at(item, "each item of '" + where + key + "' must be a single word, not " + describe(item));
            }
        }
        return items;
    }

    public Optional<MappingNode> mapping(String key) {
        NodeTuple tuple = entries.get(key);
        if (tuple == null || isNull(tuple.getValueNode())) {
            return Optional.empty();
        }
        Node value = tuple.getValueNode();
        if (value instanceof MappingNode mappingNode) {
            return Optional.of(mappingNode);
        }
        problems.at(value, "'" + where + key + "' must hold indented 'key: value' lines, not " + describe(value));
        return Optional.empty();
    }

    public void missing(String key, String example) {
        problems.at(
                Position.of(mapping),
                "'" + where + key + "' is required; add a line like '" + key + ": " + example + "'");
    }

    private Optional<ScalarNode> scalar(String key, String expected) {
        NodeTuple tuple = entries.get(key);
        if (tuple == null || isNull(tuple.getValueNode())) {
            return Optional.empty();
        }
        Node value = tuple.getValueNode();
        if (value instanceof ScalarNode scalar) {
            return Optional.of(scalar);
        }
        problems.at(value, "'" + where + key + "' must be " + expected + ", not " + describe(value));
        return Optional.empty();
    }

    /** An empty value, {@code ~} or {@code null} written without quotes means "not given". */
    private static boolean isNull(Node node) {
        if (!(node instanceof ScalarNode scalar) || scalar.getScalarStyle() != ScalarStyle.PLAIN) {
            return false;
        }
        String value = scalar.getValue();
        return value.isEmpty() || value.equals("~") || value.equalsIgnoreCase("null");
    }

    static String describe(Node node) {
        return switch (node.getNodeType()) {
            case SEQUENCE -> "a list";
            case MAPPING -> "a group of 'key: value' lines";
            case SCALAR -> "'" + ((ScalarNode) node).getValue() + "'";
            case ANCHOR -> "an alias";
        };
    }

    /** A value with the position it was written at. */
    public record Located<T>(T value, Position position) {}
}
