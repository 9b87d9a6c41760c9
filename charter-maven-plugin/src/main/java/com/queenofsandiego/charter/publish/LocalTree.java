package com.queenofsandiego.charter.publish;

import org.apache.commons.codec.digest.DigestUtils;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The rendered site on disk, as the objects it should become, hashed by content (never by file time). */
public final class LocalTree {

    private LocalTree() {
    }

    public static List<SiteObject> scan(Path site) {
        if (!Files.isDirectory(site)) {
            throw new IllegalStateException("there is no rendered site in " + site + "; run charter:generate first");
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(site)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + site, e);
        }
        return files.parallelStream().map(file -> {
            String key = site.relativize(file).toString().replace('\\', '/');
            return new SiteObject(key, file, md5(file), size(file), ObjectKinds.contentType(key), ObjectKinds.cacheControl(key));
        }).toList();
    }

    static String md5(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return DigestUtils.md5Hex(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
