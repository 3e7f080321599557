package org.carillon.portal;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's PBX packages (issue 8): the real single- and multi-tenant archives the build made, listed with
 * SHA-256 checksums that match what is downloaded, each holding the launcher, the PBX jar and its tenancy preset.
 */
class DownloadIT extends PortalContext {
    private static final Pattern LISTED = Pattern.compile(
            "/downloads/(carillon-pbx-[^\"]+-(single|multi)-tenant\\.tar\\.gz)\"[\\s\\S]*?SHA-256 ([0-9a-f]{64})");

    @Test
    void customerDownloadsBothPackagesAndTheirChecksumsMatch() throws Exception {
        var customer = fixtures.customer();
        var web = signedIn(fixtures.member(customer.id(), org.carillon.portal.access.PortalRole.VIEWER));
        String dashboard = web.get("/").body();
        var m = LISTED.matcher(dashboard);
        Map<String, String> listed = new HashMap<>();
        while (m.find()) {
            listed.put(m.group(2), m.group(1) + " " + m.group(3));
        }
        assertThat(listed).as("both packages on the dashboard").containsKeys("single", "multi");

        for (var entry : listed.entrySet()) {
            String[] nameAndSum = entry.getValue().split(" ");
            var download = web.getBytes("/downloads/" + nameAndSum[0]);
            assertThat(download.statusCode()).isEqualTo(200);
            assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment");
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(download.body()));
            assertThat(sha).isEqualTo(nameAndSum[1]);
            Map<String, byte[]> files = untar(new GZIPInputStream(new ByteArrayInputStream(download.body())));
            assertThat(files).containsKeys("carillon-pbx/bin/carillon-pbx", "carillon-pbx/lib/carillon-pbx.jar",
                    "carillon-pbx/config/carillon-pbx.yml", "carillon-pbx/README.txt");
            assertThat(new String(files.get("carillon-pbx/config/carillon-pbx.yml"), StandardCharsets.UTF_8))
                    .contains("tenancy: " + entry.getKey());
            assertThat(files.get("carillon-pbx/lib/carillon-pbx.jar").length).isGreaterThan(1_000_000);
        }
        assertThat(web.get("/downloads/..%2F..%2Fpom.xml").statusCode()).isIn(400, 404);
        assertThat(web.get("/downloads/not-a-package.tar.gz").statusCode()).isEqualTo(404);
    }

    /** A minimal reader of ustar archives (names, sizes, contents): enough to check what the package holds. */
    private static Map<String, byte[]> untar(InputStream in) throws IOException {
        Map<String, byte[]> files = new HashMap<>();
        byte[] header = new byte[512];
        while (in.readNBytes(header, 0, 512) == 512) {
            String name = cString(header, 0, 100);
            if (name.isEmpty()) {
                break;
            }
            String prefix = cString(header, 345, 155);
            String full = prefix.isEmpty() ? name : prefix + "/" + name;
            long size = Long.parseLong(cString(header, 124, 12).trim().isEmpty() ? "0" : cString(header, 124, 12).trim(), 8);
            byte[] content = in.readNBytes((int) size);
            in.skipNBytes((512 - size % 512) % 512);
            if (header[156] == '0' || header[156] == 0) {
                files.put(full, content);
            }
        }
        return files;
    }

    private static String cString(byte[] bytes, int offset, int length) {
        int end = offset;
        while (end < offset + length && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, offset, end - offset, StandardCharsets.US_ASCII);
    }
}
