package com.queenofsandiego.charter.source;

import org.snakeyaml.engine.v2.nodes.Node;

import java.util.ArrayList;
import java.util.List;

/** Collects the errors and warnings found in one file, so a run reports all of them instead of stopping at the first. */
public final class Problems {

    private final String file;
    private final List<Problem> found = new ArrayList<>();

    public Problems(String file) {
        this.file = file;
    }

    public String file() {
        return file;
    }

    public void at(Position position, String message) {
        found.add(Problem.at(file, position, message));
    }

    public void at(Node node, String message) {
        at(Position.of(node), message);
    }

    /** Something that works but should change; it does not stop the build. */
    public void warning(Position position, String message) {
        found.add(Problem.warningAt(file, position, message));
    }

    public int errors() {
        return (int) found.stream().filter(Problem::isError).count();
    }

    public List<Problem> list() {
        return List.copyOf(found);
    }
}
