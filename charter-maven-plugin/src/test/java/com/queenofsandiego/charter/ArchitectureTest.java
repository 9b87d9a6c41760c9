package com.queenofsandiego.charter;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The rooms of the code, read from its imports: Maven stays in mojo/, and no two packages lean on each other. */
class ArchitectureTest {

    private static final Path MAIN = Path.of("src/main/java/com/queenofsandiego/charter");
    private static final Pattern CHARTER_IMPORT =
            Pattern.compile("^import (?:static )?com\\.queenofsandiego\\.charter\\.([a-z]+)\\.", Pattern.MULTILINE);

    @Test
    void onlyTheMojosKnowMaven() throws IOException {
        List<String> outside = new ArrayList<>();
        for (Path file : sources()) {
            if (!packageOf(file).equals("mojo") && Files.readString(file).contains("import org.apache.maven")) {
                outside.add(MAIN.relativize(file).toString());
            }
        }
        assertThat(outside).as("files outside mojo/ importing org.apache.maven").isEmpty();
    }

    @Test
    void packagesDependOnEachOtherWithoutCycles() throws IOException {
        Map<String, Set<String>> uses = new TreeMap<>();
        for (Path file : sources()) {
            String from = packageOf(file);
            Set<String> targets = uses.computeIfAbsent(from, key -> new TreeSet<>());
            Matcher imports = CHARTER_IMPORT.matcher(Files.readString(file));
            while (imports.find()) {
                if (!imports.group(1).equals(from)) {
                    targets.add(imports.group(1));
                }
            }
        }
        assertThat(uses).containsKey("mojo");
        for (String start : uses.keySet()) {
            assertThat(reachable(start, uses))
                    .as("packages reachable from " + start + ", via " + uses)
                    .doesNotContain(start);
        }
    }

    private static Set<String> reachable(String start, Map<String, Set<String>> uses) {
        Set<String> seen = new TreeSet<>();
        List<String> todo = new ArrayList<>(uses.getOrDefault(start, Set.of()));
        while (!todo.isEmpty()) {
            String next = todo.remove(todo.size() - 1);
            if (seen.add(next)) {
                todo.addAll(uses.getOrDefault(next, Set.of()));
            }
        }
        return seen;
    }

    private static String packageOf(Path file) {
        Path relative = MAIN.relativize(file);
        return relative.getNameCount() == 1 ? "" : relative.getName(0).toString();
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(file -> file.toString().endsWith(".java"))
                    .sorted()
                    .toList();
        }
    }
}
