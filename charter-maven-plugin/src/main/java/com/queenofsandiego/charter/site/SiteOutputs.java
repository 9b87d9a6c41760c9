package com.queenofsandiego.charter.site;

import com.queenofsandiego.charter.source.Problem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Every file the site should hold, each with the fingerprint of what it is rendered from, rendered into the site
 * directory only when asked: a deploy renders just the files whose fingerprint differs from what is live.
 */
public final class SiteOutputs {

    /** One file: the fingerprint of its inputs (worked out when first asked for), and how to render it. */
    record Output(Supplier<String> fingerprint, Supplier<byte[]> content) {

        Output(String fingerprint, Supplier<byte[]> content) {
            this(() -> fingerprint, content);
        }
    }

    private final Path site;
    private final Map<String, Output> outputs;
    private final Set<String> keys;
    private final int pages;
    private final Runnable prepareRendering;
    private volatile Map<String, String> fingerprints;

    SiteOutputs(Path site, Map<String, Output> outputs, int pages, Runnable prepareRendering) {
        this.site = site;
        this.outputs = outputs;
        this.keys = Collections.unmodifiableSet(new HashSet<>(outputs.keySet()));
        this.pages = pages;
        this.prepareRendering = prepareRendering;
    }

    /** Where the files are rendered. */
    public Path directory() {
        return site;
    }

    /**
     * Every file's key (its path under the site, the object's key), in no order (tens of thousands, looked up rather
     * than listed); known without working out any fingerprint.
     */
    public Set<String> keys() {
        return keys;
    }

    /**
     * Key → fingerprint, for every file, in no order. Worked out on first call, in parallel (a fingerprint is a hash of
     * its inputs: on a large site they take a while), so a deploy can read what is live meanwhile.
     */
    public Map<String, String> fingerprints() {
        Map<String, String> computed = fingerprints;
        if (computed == null) {
            synchronized (this) {
                if (fingerprints == null) {
                    List<Map.Entry<String, Output>> entries = new ArrayList<>(outputs.entrySet());
                    List<String> values = entries.parallelStream()
                            .map(entry -> entry.getValue().fingerprint().get())
                            .toList();
                    Map<String, String> all = new HashMap<>();
                    for (int i = 0; i < entries.size(); i++) {
                        all.put(entries.get(i).getKey(), values.get(i));
                    }
                    fingerprints = Collections.unmodifiableMap(all);
                }
                computed = fingerprints;
            }
        }
        return computed;
    }

    /** Readies the template engine, so that {@link #render} starts at once; for a caller waiting on something else. */
    public void prepareRendering() {
        prepareRendering.run();
    }

    /** The number of public pages. */
    int pages() {
        return pages;
    }

    /**
     * Renders these files into the site directory, in parallel.
     *
     * @return how many were rendered
     * @throws SiteException with every problem found, once for each place
     */
    public int render(Collection<String> keys) {
        Set<Problem> problems = ConcurrentHashMap.newKeySet();
        Map<Path, Boolean> directories = new ConcurrentHashMap<>();
        keys.parallelStream().forEach(key -> {
            Output output = outputs.get(key);
            if (output == null) {
                throw new IllegalArgumentException("the site has no file " + key);
            }
            try {
                write(site.resolve(key), output.content().get(), directories);
            } catch (SiteException e) {
                problems.addAll(e.problems());
            }
        });
        if (!problems.isEmpty()) {
            throw new SiteException(oneForEachPlace(problems));
        }
        return keys.size();
    }

    /** A broken template fails once for every page it renders; the first message for each place is enough. */
    private static List<Problem> oneForEachPlace(Set<Problem> problems) {
        Map<String, Problem> first = new TreeMap<>();
        problems.stream().sorted().forEach(p -> first.putIfAbsent(p.file() + ":" + p.line() + ":" + p.column(), p));
        return first.values().stream().sorted().toList();
    }

    /** Writes a file, creating each directory once (other writers into it wait until it exists). */
    private static void write(Path file, byte[] content, Map<Path, Boolean> directories) {
        directories.computeIfAbsent(file.getParent(), directory -> {
            try {
                Files.createDirectories(directory);
                return true;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create " + directory, e);
            }
        });
        try {
            Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
