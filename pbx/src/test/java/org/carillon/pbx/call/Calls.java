package org.carillon.pbx.call;

import org.carillon.pbx.feature.FeatureFixture;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/** Shared steps of the call ITs. */
final class Calls {
    /** A new extension's number and device credentials. */
    record Ext(String number, String username, String password) {
    }

    private Calls() {
    }

    static Ext newExtension(FeatureFixture f) {
        var r = f.api().createExtension(f.uniqueEmail("caller"), "agent");
        return new Ext(r.text("number"), r.text("username"), r.text("password"));
    }

    /** Polls the API until the extension shows {@code ready} (a real peer registers in its own time). */
    static void awaitRegistered(FeatureFixture f, String number) throws InterruptedException {
        Instant end = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(end)) {
            if ("ready".equals(f.api().get("/api/v1/extensions/" + number).text("status"))) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        throw new AssertionError("extension " + number + " did not register");
    }
}
