package com.queenofsandiego.charter.deploy;

import com.queenofsandiego.charter.FileTrees;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A site's repository in a test's directory, with this repository's theme and content, the bookings a test writes, and
 * the fresh clones a CI run starts from.
 */
final class SiteRepository {

    private static final Path REPOSITORY = Path.of(System.getProperty("charter.repository", ".."))
            .toAbsolutePath()
            .normalize();

    private final Path work;
    private final Path source;
    private int clones;

    SiteRepository(Path work) throws IOException {
        this.work = work;
        this.source = work.resolve("repository");
        FileTrees.copy(REPOSITORY.resolve("theme"), source.resolve("theme"));
        FileTrees.copy(REPOSITORY.resolve("site-content"), source.resolve("site-content"));
    }

    /** The repository itself, as staff change it. */
    Path source() {
        return source;
    }

    /** {@code bookings/<name>.yaml}: a three-hour charter for Jane Smith, with {@code more} YAML lines at the end. */
    void booking(String name, String id, String slug, String crew, String... more) throws IOException {
        Path file = source.resolve("bookings/" + name + ".yaml");
        Files.createDirectories(file.getParent());
        StringBuilder yaml = new StringBuilder("id: " + id + "\nslug: " + slug
                + "\ndate: 2026-06-01\nstart: 10:00\nend: 13:00\nguest:\n  name: Jane Smith\ncrew: [" + crew + "]\n");
        for (String line : more) {
            yaml.append(line).append('\n');
        }
        Files.writeString(file, yaml);
    }

    /** Replaces {@code from}, which must be there, with {@code to} in the file at {@code path}. */
    void edit(String path, String from, String to) throws IOException {
        Path file = source.resolve(path);
        String text = Files.readString(file);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to));
    }

    /** A fresh clone: a copy of the repository with no build output and new file times. */
    Path cloned() throws IOException {
        return FileTrees.copy(source, work.resolve("clone-" + clones++));
    }
}
