package com.queenofsandiego.charter.site;

import org.apache.commons.codec.digest.DigestUtils;
import org.commonmark.parser.Parser;
import org.thymeleaf.Thymeleaf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Which code renders the site, as a fingerprint: charter's own classes and resources (by content, not by build time, so
 * rebuilding the same sources changes nothing) and the versions of the libraries that shape the output, as the
 * libraries themselves tell them (the plugin is one shaded jar, without their manifests). Part of every output's
 * fingerprint, so a new plugin renders everything again.
 */
public final class Renderer {

    private static final String OWN = "com/queenofsandiego/charter/";

    private Renderer() {}

    /** The fingerprint of the code running now. */
    public static String current() {
        return Holder.CURRENT;
    }

    private static final class Holder {
        private static final String CURRENT = compute();
    }

    private static String compute() {
        MessageDigest digest = DigestUtils.getSha256Digest();
        digest.update(libraries().getBytes(StandardCharsets.UTF_8));
        Path code;
        try {
            code = Path.of(Renderer.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot find charter's own code", e);
        }
        try {
            if (Files.isDirectory(code)) {
                hashDirectory(code, digest);
            } else {
                hashJar(code, digest);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read charter's own code in " + code, e);
        }
        return DigestUtils.sha256Hex(digest.digest());
    }

    /** The versions of Thymeleaf and CommonMark running now, as each ships them. */
    static String libraries() {
        return "thymeleaf=" + Thymeleaf.getVersion() + "\ncommonmark="
                + mavenVersion(Parser.class, "org.commonmark/commonmark");
    }

    private static String mavenVersion(Class<?> library, String coordinates) {
        Properties properties = new Properties();
        try (InputStream in = library.getResourceAsStream("/META-INF/maven/" + coordinates + "/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("cannot tell which " + coordinates + " runs: no pom.properties");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the version of " + coordinates, e);
        }
        return properties.getProperty("version");
    }

    private static void hashJar(Path jar, MessageDigest digest) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            List<? extends ZipEntry> entries = zip.stream()
                    .filter(entry -> !entry.isDirectory() && entry.getName().startsWith(OWN))
                    .sorted(Comparator.comparing(ZipEntry::getName))
                    .toList();
            for (ZipEntry entry : entries) {
                try (InputStream in = zip.getInputStream(entry)) {
                    update(digest, entry.getName(), in);
                }
            }
        }
    }

    private static void hashDirectory(Path classes, MessageDigest digest) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(classes.resolve(OWN))) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                update(digest, classes.relativize(file).toString().replace('\\', '/'), in);
            }
        }
    }

    private static void update(MessageDigest digest, String name, InputStream content) throws IOException {
        digest.update(Objects.requireNonNull(name).getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        digest.update(content.readAllBytes());
        digest.update((byte) 0);
    }
}
