package com.queenofsandiego.charter.store;

import org.apache.commons.codec.digest.DigestUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the local bucket records of its objects (S3's metadata), as a later deploy reads it back. */
class DirectoryStoreTest {

    @TempDir
    Path work;

    private SiteObject object(String key, String content) throws IOException {
        Path file = work.resolve("site").resolve(key);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        return new SiteObject(
                key,
                file,
                "recorded-md5-of-" + key,
                DigestUtils.sha256Hex(content),
                content.length(),
                "text/html; charset=utf-8",
                "max-age=60",
                null);
    }

    @Test
    void theHeadersOfUploadsAndDeletesOutliveTheStore() throws IOException {
        try (DirectoryStore store = new DirectoryStore(work.resolve("local"))) {
            store.upload(object("index.html", "home"));
            store.upload(object("g/a.html", "a"));
            store.upload(object("g/b.html", "b"));
            store.upload(object("g/a.html", "a again"));
            store.delete("g/b.html");
        }

        try (DirectoryStore store = new DirectoryStore(work.resolve("local"))) {
            assertThat(store.head("g/a.html"))
                    .contains(new ObjectStore.Metadata(
                            DigestUtils.sha256Hex("a again"), "text/html; charset=utf-8", "max-age=60"));
            assertThat(store.head("g/b.html")).isEmpty();
            assertThat(store.list())
                    .containsOnly(
                            Map.entry("g/a.html", "recorded-md5-of-g/a.html"),
                            Map.entry("index.html", "recorded-md5-of-index.html"));
        }
    }

    @Test
    void readsTheHeadersAsTheyWereWrittenBeforeTheJournal() throws IOException {
        Path local = work.resolve("local");
        Files.createDirectories(local.resolve("bucket"));
        Files.writeString(local.resolve("bucket/index.html"), "home");
        Files.writeString(local.resolve("bucket-headers.json"), """
                {
                  "index.html" : {
                    "md5" : "old-md5",
                    "sha256" : "%s",
                    "contentType" : "text/html; charset=utf-8",
                    "cacheControl" : "max-age=300"
                  }
                }
                """.formatted(DigestUtils.sha256Hex("home")));

        try (DirectoryStore store = new DirectoryStore(local)) {
            assertThat(store.head("index.html"))
                    .contains(new ObjectStore.Metadata(
                            DigestUtils.sha256Hex("home"), "text/html; charset=utf-8", "max-age=300"));
            assertThat(store.list()).containsEntry("index.html", "old-md5");
        }
    }

    @Test
    void unreadableHeadersFailTheFirstUseNamingTheFile() throws IOException {
        Path local = work.resolve("local");
        Files.createDirectories(local.resolve("bucket"));
        Files.writeString(local.resolve("bucket/index.html"), "home");
        Files.writeString(local.resolve("bucket-headers.json"), "{\"index.html\": ");

        try (DirectoryStore store = new DirectoryStore(local)) {
            assertThatThrownBy(() -> store.head("index.html"))
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessageStartingWith(
                            "cannot read the local bucket's headers (" + local.resolve("bucket-headers.json"))
                    .hasMessageEndingWith("; delete " + local.resolve("bucket-headers.json") + " and "
                            + local.resolve("bucket-headers.journal.jsonl")
                            + " to start their record afresh (the objects stay)");
        }
    }

    @Test
    void aReadAlongsideWritesGetsContentAndVersionOfOneWriteAndAGoneObjectReadsAsAbsent() throws Exception {
        try (DirectoryStore store = new DirectoryStore(work.resolve("local"))) {
            String key = ".charter/ledger/journal.json";
            String version = store.writeIfAbsent(key, "write 0".getBytes(UTF_8), "application/json")
                    .orElseThrow();
            AtomicBoolean writing = new AtomicBoolean(true);
            Thread writer = new Thread(() -> {
                String current = version;
                for (int i = 1; i <= 300; i++) {
                    current = store.writeIfMatch(
                                    key,
                                    ("write " + i + " " + "x".repeat(i)).getBytes(UTF_8),
                                    "application/json",
                                    current)
                            .orElseThrow();
                }
                store.delete(key);
                writing.set(false);
            });
            writer.start();
            List<String> mismatches = new ArrayList<>();
            while (writing.get()) {
                store.read(key).ifPresent(stored -> {
                    if (!DigestUtils.md5Hex(stored.content()).equals(stored.version())) {
                        mismatches.add(new String(stored.content(), UTF_8));
                    }
                });
            }
            writer.join();

            assertThat(mismatches).isEmpty();
            assertThat(store.read(key)).isEmpty();
        }
    }
}
