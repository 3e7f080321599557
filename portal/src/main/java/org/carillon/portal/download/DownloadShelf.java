package org.carillon.portal.download;

import org.carillon.platform.settings.DataDirectory;
import org.carillon.platform.settings.Settings;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The PBX packages customers download: the {@code carillon-pbx-*-single-tenant.tar.gz} and
 * {@code -multi-tenant.tar.gz} archives the build makes ({@code dist} module), in the folder named by
 * {@code CARILLON_PORTAL_DOWNLOADS} (default {@code <data dir>/portal/downloads}; {@code ./carillon start} points it
 * at the build's output). SHA-256 checksums are computed once per file version and cached.
 */
@Component
public class DownloadShelf {
    private final Path folder;
    private final Map<String, Package> cache = new ConcurrentHashMap<>();

    public DownloadShelf(Settings settings, DataDirectory data) {
        this.folder = settings.optional("CARILLON_PORTAL_DOWNLOADS").map(Path::of)
                .orElse(data.resolve("downloads")).toAbsolutePath().normalize();
    }

    /**
     * One downloadable package.
     *
     * @param name   the file name (also its URL segment)
     * @param label  what it is, for people
     * @param bytes  size
     * @param sha256 lower-case hex SHA-256 of the file
     */
    public record Package(String name, String label, long bytes, String sha256, long modified) {
    }

    public List<Package> packages() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().matches("carillon-pbx-.+-(single|multi)-tenant\\.tar\\.gz"))
                    .filter(Files::isRegularFile)
                    .map(this::describe)
                    .sorted(java.util.Comparator.comparing(Package::name))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file of a listed package; never a path built from the request (no traversal). */
    public Optional<Path> file(String name) {
        return packages().stream().filter(p -> p.name().equals(name)).findFirst().map(p -> folder.resolve(p.name()));
    }

    private Package describe(Path file) {
        try {
            long size = Files.size(file);
            long modified = Files.getLastModifiedTime(file).toMillis();
            String name = file.getFileName().toString();
            Package cached = cache.get(name);
            if (cached != null && cached.bytes() == size && cached.modified() == modified) {
                return cached;
            }
            String label = name.contains("-multi-tenant") ? "Multi-tenant PBX (carriers and hosting partners)"
                    : "Single-tenant PBX";
            Package fresh = new Package(name, label, size, sha256(file), modified);
            cache.put(name, fresh);
            return fresh;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
