package org.carillon.pbx.call;

import org.carillon.pbx.feature.FeatureFixture;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Shared steps of the call ITs. */
public final class Calls {
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

    /** A new extension registered by SIPp from {@code port} (run the phone's scenario on that port afterwards). */
    static Ext registeredSipp(FeatureFixture f, int port) {
        Ext e = newExtension(f);
        try (SippPeer reg = SippPeer.start("register.xml", f.sipPort(), port, List.of("-s", e.number(), "-au",
                e.username(), "-ap", e.password(), "-key", "expires", "600"))) {
            assertThat(reg.await()).as(reg.output()).isZero();
        } catch (java.io.IOException | InterruptedException ex) {
            throw new AssertionError(ex);
        }
        return e;
    }

    /** The newest history row of a caller, waiting briefly for the call to be written. */
    static JsonNode lastCallOf(FeatureFixture f, String number) throws InterruptedException {
        Instant end = Instant.now().plus(Duration.ofSeconds(5));
        while (true) {
            JsonNode calls = f.api().get("/api/v1/calls?number=" + number).json().path("calls");
            if (calls.size() > 0 || Instant.now().isAfter(end)) {
                assertThat(calls.size()).as("calls of " + number).isGreaterThanOrEqualTo(1);
                return calls.get(0);
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }

    /** Polls the active calls until one is in {@code state}; returns it. */
    static JsonNode awaitActiveState(FeatureFixture f, String state) throws InterruptedException {
        Instant end = Instant.now().plus(Duration.ofSeconds(5));
        while (Instant.now().isBefore(end)) {
            for (JsonNode c : f.api().get("/api/v1/calls/active").json()) {
                if (c.path("state").asString().equals(state)) {
                    return c;
                }
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
        throw new AssertionError("no active call became " + state);
    }

    /** Polls {@code condition} every 50 ms until it holds; fails naming {@code what} after {@code within}. */
    public static void await(String what, java.util.function.BooleanSupplier condition, Duration within)
            throws InterruptedException {
        Instant end = Instant.now().plus(within);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("timed out waiting until " + what);
            }
            TimeUnit.MILLISECONDS.sleep(50); // polling another thread's progress, not waiting for time to pass
        }
    }
}
