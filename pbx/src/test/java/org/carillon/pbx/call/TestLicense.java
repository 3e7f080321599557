package org.carillon.pbx.call;

import org.carillon.licensekey.file.License;
import org.carillon.licensekey.file.LicenseSigner;
import org.carillon.licensekey.file.Limits;
import org.carillon.licensekey.keypair.DevelopmentKey;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/** A development license for the call ITs, which create more extensions than the free tier allows. */
final class TestLicense {
    private TestLicense() {
    }

    static Path write(Path dir, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        License license = License.builder().licenseId("dev-call-tests").accountId("development")
                .licensee("Call tests").edition("development").subscription(today.minusDays(1), today.plusDays(30))
                .graceDays(0).limits(new Limits(10_000, Limits.UNLIMITED, Limits.UNLIMITED)).features(List.of())
                .sequence(now.getEpochSecond()).validity(now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(30)))
                .build();
        Path file = dir.resolve("dev-license.txt");
        try {
            Files.writeString(file, new LicenseSigner(DevelopmentKey.privateKey(), DevelopmentKey.KID).sign(license));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
