package org.carillon.licensekey;

import java.io.PrintStream;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.carillon.licensekey.file.License;
import org.carillon.licensekey.file.LicenseSigner;
import org.carillon.licensekey.file.Limits;
import org.carillon.licensekey.installation.InstallationFingerprint;
import org.carillon.licensekey.keypair.DevelopmentKey;
import org.carillon.licensekey.keypair.Ed25519Keys;

/**
 * Prints a development license (backs {@code ./carillon license dev --extensions N --days D}).
 *
 * <pre>
 * DevLicenseTool --extensions N --days D [--key PRIVATE.pem --kid KID] [--features a,b]
 *                [--concurrent-calls N] [--tenants N] [--fingerprint HEX] [--licensee NAME]
 * </pre>
 * Without {@code --key} it signs with the {@link DevelopmentKey} (kid {@value DevelopmentKey#KID}), which a
 * PBX trusts only with {@code CARILLON_DEV_LICENSES=true}. The file is unbound unless {@code --fingerprint}
 * is given; calls and tenants are unlimited unless capped; the entitlement covers today (UTC) and the
 * following D-1 days, with no grace; the sequence number is the issue time in epoch seconds, so a newer
 * development license always replaces an older one.
 */
public final class DevLicenseTool {

    static final String USAGE = "usage: DevLicenseTool --extensions N --days D [--key PRIVATE.pem --kid KID]"
            + " [--features a,b] [--concurrent-calls N] [--tenants N] [--fingerprint HEX] [--licensee NAME]";
    static final int MAX_DAYS = 3660;
    private static final Set<String> OPTIONS = Set.of("extensions", "days", "key", "kid", "features",
            "concurrent-calls", "tenants", "fingerprint", "licensee");

    private DevLicenseTool() {
    }

    public static void main(String[] args) {
        int code = run(args, System.out, System.err, Clock.systemUTC());
        if (code != 0) {
            System.exit(code);
        }
    }

    /** @return the process exit code: 0 printed, 2 bad usage or key */
    static int run(String[] args, PrintStream out, PrintStream err, Clock clock) {
        try {
            Args a = new Args(args, OPTIONS);
            if (a.find("key").isPresent() != a.find("kid").isPresent()) {
                throw new IllegalArgumentException("--key and --kid go together");
            }
            PrivateKey key = a.find("key").map(k -> Ed25519Keys.readPrivateKey(Path.of(k)))
                    .orElseGet(DevelopmentKey::privateKey);
            LicenseSigner signer = new LicenseSigner(key, a.find("kid").orElse(DevelopmentKey.KID));
            out.print(signer.sign(license(a, clock.instant())));
            return 0;
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        }
    }

    static License license(Args a, Instant now) {
        a.require("extensions");
        a.require("days");
        int extensions = a.integer("extensions", 0, 0);
        int days = a.integer("days", 1, 1);
        if (days > MAX_DAYS) {
            throw new IllegalArgumentException("--days must be at most " + MAX_DAYS);
        }
        Instant issued = now.truncatedTo(ChronoUnit.SECONDS);
        LocalDate today = LocalDate.ofInstant(issued, ZoneOffset.UTC);
        byte[] id = new byte[6];
        new SecureRandom().nextBytes(id);
        var b = License.builder()
                .licenseId("dev-" + HexFormat.of().formatHex(id))
                .accountId("development")
                .licensee(a.find("licensee").orElse("Development license"))
                .edition("development")
                .subscription(today, today.plusDays(days - 1L))
                .graceDays(0)
                .limits(new Limits(extensions, a.integer("concurrent-calls", 0, Limits.UNLIMITED),
                        a.integer("tenants", 0, Limits.UNLIMITED)))
                .features(features(a))
                .sequence(issued.getEpochSecond())
                .validity(issued, issued.plus(Duration.ofDays(days)));
        a.find("fingerprint").map(InstallationFingerprint::parse).ifPresent(b::installation);
        return b.build();
    }

    private static List<String> features(Args a) {
        return a.find("features").map(f -> Arrays.stream(f.split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList()).orElse(List.of());
    }
}
