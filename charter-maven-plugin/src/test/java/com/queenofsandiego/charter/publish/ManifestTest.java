package com.queenofsandiego.charter.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.queenofsandiego.charter.store.ConcurrentDeployException;
import com.queenofsandiego.charter.store.DirectoryStore;
import com.queenofsandiego.charter.store.ObjectState;
import com.queenofsandiego.charter.store.StateStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The manifest as stored: a folded manifest.json of a generation, and the changes since it. */
class ManifestTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    private DirectoryStore store() {
        return new DirectoryStore(work.resolve("local"));
    }

    private StateStore state() {
        return StateStore.in(store());
    }

    private Path stored(String name) {
        return work.resolve("local/bucket/.charter/" + name);
    }

    private JsonNode json(String name) throws IOException {
        return JSON.readTree(stored(name).toFile());
    }

    private static ObjectState object(String content) {
        return new ObjectState("md5-" + content, "sha-" + content, "text/html", "no-cache", null, null);
    }

    /** {@code count} objects g/0.html … named by their content. */
    private static Map<String, ObjectState> objects(int count, String content) {
        Map<String, ObjectState> objects = new TreeMap<>();
        for (int i = 0; i < count; i++) {
            objects.put("g/" + i + ".html", object(content + i));
        }
        return objects;
    }

    /** Deploys a site of {@code pages} pages, then again with one page changed; the change document's size after. */
    private long oneChangeDeployOnASiteOf(int pages) throws IOException {
        Path site = work.resolve("site-" + pages);
        for (int i = 0; i < pages; i++) {
            Files.createDirectories(site.resolve("g"));
            Files.writeString(site.resolve("g/" + i + ".html"), "page " + i);
        }
        Path local = work.resolve("local-" + pages);
        StateStore state = StateStore.in(new DirectoryStore(local));
        publish(site, local);
        byte[] folded = Files.readAllBytes(local.resolve("bucket/.charter/manifest.json"));

        Files.writeString(site.resolve("g/7.html"), "page 7, changed");
        PublishPlan plan = publish(site, local);

        assertThat(plan.uploads()).extracting(u -> u.object().key()).containsExactly("g/7.html");
        assertThat(local.resolve("bucket/.charter/manifest.json"))
                .as("not rewritten for one change")
                .hasBinaryContent(folded);
        assertThat(Manifest.read(state).manifest()).isEqualTo(plan.after());
        assertThat(publish(site, local).isEmpty()).isTrue();
        return Files.size(local.resolve("bucket/.charter/manifest-changes.json"));
    }

    private static PublishPlan publish(Path site, Path local) {
        return Plans.publish(site, local).plan();
    }

    @Test
    void aOneChangeDeployWritesChangesThatDoNotGrowWithTheSiteAndLeavesTheFoldedManifest() throws IOException {
        long small = oneChangeDeployOnASiteOf(20);
        long large = oneChangeDeployOnASiteOf(400);

        assertThat(large).isEqualTo(small).isLessThan(1000);
    }

    @Test
    void pastTheBoundAWriteFoldsIntoANewGenerationAndReadsTheSame() throws IOException {
        StateStore state = state();
        Manifest first = new Manifest(objects(Manifest.FOLD_AFTER + 10, "first "), List.of());
        Manifest.Version version = first.write(state, Manifest.Version.NONE);
        String generation = json(Manifest.NAME).get("generation").asText();

        // Ten objects removed and the rest but ten changed: as many changes as the bound allows.
        Map<String, ObjectState> bound = objects(Manifest.FOLD_AFTER, "first ");
        bound.putAll(objects(Manifest.FOLD_AFTER - 10, "second "));
        Manifest atTheBound = new Manifest(bound, List.of("/g/0"));
        version = atTheBound.write(state, version);
        assertThat(json(Manifest.NAME).get("generation").asText()).isEqualTo(generation);
        assertThat(json(Manifest.CHANGES).get("removed")).hasSize(10);
        assertThat(Manifest.read(state).manifest()).isEqualTo(atTheBound);

        Map<String, ObjectState> past = objects(Manifest.FOLD_AFTER, "first ");
        past.putAll(objects(Manifest.FOLD_AFTER - 9, "third "));
        Manifest pastIt = new Manifest(past, List.of("/g/1"));
        pastIt.write(state, version);
        assertThat(json(Manifest.NAME).get("generation").asText()).isNotEqualTo(generation);
        assertThat(json(Manifest.CHANGES).get("generation"))
                .isEqualTo(json(Manifest.NAME).get("generation"));
        assertThat(json(Manifest.CHANGES).get("objects")).isEmpty();
        assertThat(json(Manifest.CHANGES).get("removed")).isEmpty();
        assertThat(Manifest.read(state).manifest()).isEqualTo(pastIt);
    }

    @Test
    void changesApplyOnlyToTheGenerationTheyName() throws IOException {
        Files.createDirectories(stored(Manifest.NAME).getParent());
        Files.writeString(
                stored(Manifest.NAME),
                "{\"generation\":\"g2\",\"objects\":{\"a.html\":{\"md5\":\"a\"},\"b.html\":{\"md5\":\"b\"}},"
                        + "\"pendingInvalidations\":[]}");
        String changes = "{\"generation\":\"%s\",\"objects\":{\"c.html\":{\"md5\":\"c\"}},\"removed\":[\"a.html\"],"
                + "\"pendingInvalidations\":[\"/c.html\"]}";

        // A fold that stopped between its writes: manifest.json of the new generation, the changes of the old.
        Files.writeString(stored(Manifest.CHANGES), changes.formatted("g1"));
        Manifest.Versioned stopped = Manifest.read(state());
        assertThat(stopped.manifest().objects()).containsOnlyKeys("a.html", "b.html");
        assertThat(stopped.manifest().pendingInvalidations()).isEmpty();

        Manifest next = stopped.manifest().without("b.html");
        next.write(state(), stopped.version());
        assertThat(json(Manifest.NAME).get("generation").asText()).isEqualTo("g2");
        assertThat(Manifest.read(state()).manifest()).isEqualTo(next);

        Files.writeString(stored(Manifest.CHANGES), changes.formatted("g2"));
        Manifest applied = Manifest.read(state()).manifest();
        assertThat(applied.objects()).containsOnlyKeys("b.html", "c.html");
        assertThat(applied.pendingInvalidations()).containsExactly("/c.html");
    }

    @Test
    void aManifestFromAnOlderCharterReadsAsItIsAndTheNextWriteFoldsIt() throws IOException {
        Files.createDirectories(stored(Manifest.NAME).getParent());
        Files.writeString(
                stored(Manifest.NAME),
                "{\"objects\":{\"a.html\":{\"md5\":\"a\",\"contentType\":\"text/html\"}},"
                        + "\"pendingInvalidations\":[\"/a.html\"]}");

        Manifest.Versioned old = Manifest.read(state());
        assertThat(old.manifest().objects()).containsOnlyKeys("a.html");
        assertThat(old.manifest().pendingInvalidations()).containsExactly("/a.html");

        Map<String, ObjectState> objects = new TreeMap<>(old.manifest().objects());
        objects.put("b.html", object("b"));
        Manifest next = new Manifest(objects, List.of("/a.html", "/b.html"));
        next.write(state(), old.version());

        assertThat(json(Manifest.NAME).get("generation").asText()).isNotEmpty();
        assertThat(json(Manifest.NAME).get("objects")).hasSize(2);
        assertThat(json(Manifest.CHANGES).get("generation"))
                .isEqualTo(json(Manifest.NAME).get("generation"));
        assertThat(Manifest.read(state()).manifest()).isEqualTo(next);
    }

    @Test
    void aStaleWriteThatWouldFoldOverwritesNeitherObject() throws IOException {
        Manifest.Version folded = new Manifest(objects(3, "first "), List.of()).write(state(), Manifest.Version.NONE);
        Manifest.Versioned stale = Manifest.read(state());
        new Manifest(objects(3, "second "), List.of("/g/0")).write(state(), folded);
        byte[] foldedBytes = Files.readAllBytes(stored(Manifest.NAME));
        byte[] changesBytes = Files.readAllBytes(stored(Manifest.CHANGES));

        Manifest pastTheBound = new Manifest(objects(Manifest.FOLD_AFTER + 1, "third "), List.of());
        assertThatThrownBy(() -> pastTheBound.write(state(), stale.version()))
                .isInstanceOf(ConcurrentDeployException.class)
                .hasMessageContaining(".charter/manifest-changes.json");
        assertThat(stored(Manifest.NAME)).hasBinaryContent(foldedBytes);
        assertThat(stored(Manifest.CHANGES)).hasBinaryContent(changesBytes);
        assertThat(Manifest.read(state()).manifest().pendingInvalidations()).containsExactly("/g/0");
    }
}
