package com.queenofsandiego.charter.site;

import org.apache.commons.codec.digest.DigestUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The theme's static files ({@code theme/assets/**}), each published as {@code assets/<path>/<name>.<hash>.<ext>} so
 * it can be cached forever: a changed file gets a new name. Templates ask for {@code ${assets.url('css/site.css')}}.
 */
public final class Assets {

    private static final int HASH_CHARS = 10;

    /** Source path (relative, with '/') → published path (relative to the site root). */
    private final Map<String, String> published;

    private final Map<String, Path> sources;

    private Assets(Map<String, String> published, Map<String, Path> sources) {
        this.published = published;
        this.sources = sources;
    }

    public static Assets scan(Path assetsDirectory) {
        Map<String, String> published = new TreeMap<>();
        Map<String, Path> sources = new TreeMap<>();
        if (Files.isDirectory(assetsDirectory)) {
            try (Stream<Path> walk = Files.walk(assetsDirectory)) {
                for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                    String relative =
                            assetsDirectory.relativize(file).toString().replace('\\', '/');
                    published.put(relative, "assets/" + hashedName(relative, Files.readAllBytes(file)));
                    sources.put(relative, file);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the theme's assets in " + assetsDirectory, e);
            }
        }
        return new Assets(published, sources);
    }

    /** The absolute path of an asset on the site, for templates; an unknown asset is a theme error. */
    public String url(String source) {
        String path = published.get(source);
        if (path == null) {
            throw new IllegalArgumentException("the theme has no asset '" + source
                    + "' (looked in theme/assets; it has " + String.join(", ", published.keySet()) + ")");
        }
        return "/" + path;
    }

    /** Published path → source file. */
    public Map<String, Path> files() {
        Map<String, Path> files = new TreeMap<>();
        published.forEach((source, path) -> files.put(path, sources.get(source)));
        return files;
    }

    static String hashedName(String relative, byte[] content) {
        String hash = sha256(content).substring(0, HASH_CHARS);
        int slash = relative.lastIndexOf('/');
        int dot = relative.lastIndexOf('.');
        if (dot <= slash + 1) {
            return relative + "." + hash;
        }
        return relative.substring(0, dot) + "." + hash + relative.substring(dot);
    }

    static String sha256(byte[] content) {
        return DigestUtils.sha256Hex(content);
    }
}
