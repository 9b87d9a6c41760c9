package com.queenofsandiego.charter.source;

import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.Node;

import java.util.Optional;

/** A 1-based line and column in a source file. */
public record Position(int line, int column) {

    public static final Position START = new Position(1, 1);

    public static Position of(Node node) {
        return of(node.getStartMark());
    }

    public static Position of(Optional<Mark> mark) {
        return mark.map(m -> new Position(m.getLine() + 1, m.getColumn() + 1)).orElse(START);
    }
}
