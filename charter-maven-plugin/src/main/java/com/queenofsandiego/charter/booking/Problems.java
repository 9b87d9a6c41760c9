package com.queenofsandiego.charter.booking;

import org.snakeyaml.engine.v2.nodes.Node;

import java.util.ArrayList;
import java.util.List;

/** Collects the problems found in one file, so a run reports all of them instead of stopping at the first. */
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

    public boolean isEmpty() {
        return found.isEmpty();
    }

    public List<Problem> list() {
        return List.copyOf(found);
    }
}
