package com.queenofsandiego.charter.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.codec.digest.DigestUtils;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The local target: a directory that behaves like the bucket. Objects are files under {@code bucket/}; their headers
 * and charter's hash of each (S3's metadata) are recorded in {@code bucket-headers.json} and its journal
 * {@code bucket-headers.journal.jsonl} (see {@link JournaledJsonObject}) so a reviewer can see what S3 would be told; an object's "ETag" is the MD5 recorded at upload, as S3's stays what it was at the PUT. Conditional
 * writes hold an operating-system file lock, so they are atomic across processes as S3's are (two deploys cannot both
 * take the lock). Reads take no lock: every write lands whole, moved into place, so reads run alongside one another and
 * alongside writes, as on S3. Closing it closes the journal.
 */
public final class DirectoryStore implements ObjectStore, AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A JVM cannot hold two file locks on one file, so threads of one process queue here first. */
    private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final Path bucket;
    private final Path mutex;
    private final JournaledJsonObject headers;
    private final RequestCounter requests = new RequestCounter();

    public DirectoryStore(Path localDirectory) {
        this.bucket = localDirectory.resolve("bucket");
        this.mutex = localDirectory.resolve("bucket.lock").toAbsolutePath().normalize();
        Path headersFile = localDirectory.resolve("bucket-headers.json");
        this.headers = new JournaledJsonObject(
                headersFile,
                e -> new UncheckedIOException(
                        "cannot read the local bucket's headers (" + e.getMessage() + "); delete " + headersFile
                                + " and " + JournaledJsonObject.journalOf(headersFile)
                                + " to start their record afresh (the objects stay)",
                        e));
    }

    public Path bucket() {
        return bucket;
    }

    @Override
    public String describe() {
        return "local directory " + bucket;
    }

    @Override
    public Map<String, String> list() {
        requests.count("LIST");
        Map<String, String> objects = new HashMap<>();
        if (!Files.isDirectory(bucket)) {
            return objects;
        }
        try (Stream<Path> files =
                Files.find(bucket, Integer.MAX_VALUE, (file, attributes) -> attributes.isRegularFile())) {
            files.forEach(file -> {
                String key = bucket.relativize(file).toString().replace('\\', '/');
                if (!key.startsWith(PRIVATE_PREFIX)) {
                    objects.put(key, null);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + bucket, e);
        }
        // one look at the headers for the whole listing, as S3 lists ETags without reading each object
        Map<String, String> recorded = headers.texts("md5");
        objects.replaceAll((key, none) -> {
            String md5 = recorded.get(key);
            return md5 != null ? md5 : md5(bucket.resolve(key));
        });
        return objects;
    }

    @Override
    public Optional<Stored> read(String key) {
        requests.count("GET");
        Path file = file(key);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            // The version is the hash of the bytes read: a write lands whole (moved into place), so the two agree.
            byte[] content = Files.readAllBytes(file);
            return Optional.of(new Stored(content, DigestUtils.md5Hex(content)));
        } catch (NoSuchFileException e) {
            return Optional.empty(); // deleted since it was looked for, as S3 would answer a GET after a DELETE
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /**
     * The object's headers and hash as its upload recorded them, as S3 keeps metadata with the object; a file changed
     * by hand since has no charter hash, as an object replaced in S3 has none.
     */
    @Override
    public Optional<Metadata> head(String key) {
        requests.count("HEAD");
        Path file = file(key);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        ObjectState recorded = recorded(key);
        return Optional.of(
                recorded != null && sha256(file).equals(recorded.sha256())
                        ? new Metadata(recorded.sha256(), recorded.contentType(), recorded.cacheControl())
                        : new Metadata(null, null, null));
    }

    @Override
    public void upload(SiteObject object) {
        requests.count("PUT");
        copy(object.file(), file(object.key()));
        synchronized (this) {
            headers.put(JSON.valueToTree(object.state()), object.key());
        }
    }

    @Override
    public synchronized void write(String key, byte[] content, String contentType) {
        requests.count("PUT");
        writeBytes(file(key), content);
    }

    @Override
    public synchronized Optional<String> writeIfAbsent(String key, byte[] content, String contentType) {
        requests.count("PUT");
        return exclusively(() -> {
            if (Files.exists(file(key))) {
                return Optional.empty();
            }
            writeBytes(file(key), content);
            return Optional.of(md5(file(key)));
        });
    }

    @Override
    public synchronized Optional<String> writeIfMatch(String key, byte[] content, String contentType, String version) {
        requests.count("PUT");
        return exclusively(() -> {
            Path file = file(key);
            if (!Files.isRegularFile(file) || !md5(file).equals(version)) {
                return Optional.empty();
            }
            writeBytes(file, content);
            return Optional.of(md5(file));
        });
    }

    @Override
    public synchronized void delete(String key) {
        requests.count("DELETE");
        exclusively(() -> {
            try {
                Files.deleteIfExists(file(key));
                headers.remove(key);
                return null;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete " + key + " from " + bucket, e);
            }
        });
    }

    /** Runs a check-then-write while no other thread or process runs one on this directory. */
    private <T> T exclusively(Supplier<T> action) {
        ReentrantLock inProcess = IN_PROCESS.computeIfAbsent(mutex, path -> new ReentrantLock());
        inProcess.lock();
        try {
            Files.createDirectories(mutex.getParent());
            try (FileChannel channel = FileChannel.open(mutex, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock held = channel.lock()) {
                return action.get();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + mutex, e);
        } finally {
            inProcess.unlock();
        }
    }

    @Override
    public synchronized void close() {
        headers.close();
    }

    @Override
    public Map<String, Integer> requests() {
        return requests.snapshot();
    }

    private Path file(String key) {
        Path file = bucket.resolve(key).normalize();
        if (!file.startsWith(bucket)) {
            throw new IllegalArgumentException("key '" + key + "' leaves the bucket");
        }
        return file;
    }

    /** The object's headers and hashes as its upload recorded them; null when none did. */
    private ObjectState recorded(String key) {
        JsonNode recorded = headers.get(key);
        try {
            return recorded == null ? null : JSON.treeToValue(recorded, ObjectState.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot read the recorded headers of " + key, e);
        }
    }

    private static void copy(Path from, Path to) {
        try {
            AtomicFiles.replaceWithCopy(to, from);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + from + " to " + to, e);
        }
    }

    private static void writeBytes(Path to, byte[] content) {
        try {
            AtomicFiles.replace(to, content);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + to, e);
        }
    }

    private static String md5(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return DigestUtils.md5Hex(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return DigestUtils.sha256Hex(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
