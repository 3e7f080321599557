package org.carillon.pbx.feature;

import org.carillon.pbx.extension.ExtensionService;
import org.carillon.pbx.registrar.BindingWriter;
import org.carillon.pbx.registrar.Registrar;
import org.carillon.pbx.security.SourceBans;
import org.carillon.pbx.sipserver.SipServer;
import org.carillon.platform.account.AccountStore;
import org.carillon.platform.account.OwnerBootstrap;
import org.carillon.platform.security.LoginThrottle;
import org.carillon.platform.testing.MutableClock;
import org.carillon.platform.testing.WebFoundationContract;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the feature contracts (interfaces with default test methods) need from the running PBX; implemented once
 * per database by {@link FeatureH2Context} and {@link FeaturePostgresContext}, whose Spring context every contract
 * shares.
 */
public interface FeatureFixture {
    String OWNER = OwnerBootstrap.OWNER_EMAIL;
    String OWNER_PASSWORD = WebFoundationContract.OWNER_PASSWORD;
    String USER_PASSWORD = "a long enough password 123";
    AtomicInteger SEQUENCE = new AtomicInteger();

    int httpPort();

    ApplicationContext context();

    default <T> T bean(Class<T> type) {
        return context().getBean(type);
    }

    default int sipPort() {
        return bean(SipServer.class).port();
    }

    default MutableClock clock() {
        return bean(MutableClock.class);
    }

    default Api api() {
        return new Api(httpPort(), OWNER, OWNER_PASSWORD);
    }

    default Api apiAs(String email) {
        return new Api(httpPort(), email, USER_PASSWORD);
    }

    default JdbcClient jdbc() {
        return bean(JdbcClient.class);
    }

    /** A unique email for this test run. */
    default String uniqueEmail(String who) {
        return who + "." + SEQUENCE.incrementAndGet() + "." + System.nanoTime() % 100_000 + "@example.com";
    }

    /** Gives an extension's user a web password directly (the welcome-link flow has its own test). */
    default void setWebPassword(String email) {
        var accounts = bean(AccountStore.class);
        var account = accounts.findByEmail(email).orElseThrow();
        // updatePassword, not changePassword: the latter stamps credentials_changed_at with the fake clock, which runs ahead
        // of the real session clock and would end the sessions these tests open
        accounts.updatePassword(account.id(), bean(PasswordEncoder.class).encode(USER_PASSWORD));
    }

    default void advance(Duration d) {
        clock().advance(d);
    }

    /** Clears bans, login throttling and bindings between tests that share 127.0.0.1 and one context. */
    default void resetShared() {
        bean(SourceBans.class).reset();
        bean(LoginThrottle.class).reset();
        bean(Registrar.class).reset();
        bean(BindingWriter.class).flush();
    }

    default ExtensionService extensions() {
        return bean(ExtensionService.class);
    }
}
