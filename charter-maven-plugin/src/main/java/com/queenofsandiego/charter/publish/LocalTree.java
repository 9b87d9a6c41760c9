package com.queenofsandiego.charter.publish;

import com.queenofsandiego.charter.store.SiteObject;
import org.apache.commons.codec.binary.Hex;
import org.apache.commons.codec.digest.DigestUtils;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The rendered site on disk, as the objects it should become, hashed by content (never by file time). */
public final class LocalTree {

    private LocalTree() {}

    /** These files of the rendered site, each with the fingerprint it was rendered from. */
    public static List<SiteObject> objects(Path site, Map<String, String> fingerprints) {
        return fingerprints.entrySet().parallelStream()
                .map(entry -> object(site, entry.getKey(), entry.getValue()))
                .sorted(Comparator.comparing(SiteObject::key))
                .toList();
    }

    /** Every file of the rendered site, whatever made it. */
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
        return files.parallelStream()
                .map(file -> object(site, site.relativize(file).toString().replace('\\', '/'), null))
                .toList();
    }

    private static SiteObject object(Path site, String key, String fingerprint) {
        Path file = site.resolve(key);
        MessageDigest md5 = DigestUtils.getMd5Digest();
        MessageDigest sha256 = DigestUtils.getSha256Digest();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                md5.update(buffer, 0, read);
                sha256.update(buffer, 0, read);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return new SiteObject(
                key,
                file,
                Hex.encodeHexString(md5.digest()),
                Hex.encodeHexString(sha256.digest()),
                size(file),
                ObjectKinds.contentType(key),
                ObjectKinds.cacheControl(key),
                fingerprint);
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
