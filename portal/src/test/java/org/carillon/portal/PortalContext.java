package org.carillon.portal;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.carillon.platform.account.AccountStore;
import org.carillon.platform.account.OwnerBootstrap;
import org.carillon.platform.mail.MailDispatcher;
import org.carillon.platform.security.LoginThrottle;
import org.carillon.platform.testing.NoLoginWait;
import org.carillon.platform.testing.WebClient;
import org.carillon.platform.testing.WebFoundationContract;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one Spring context the portal's flow tests share (same settings in every subclass, so Spring caches it): a real
 * server on a random port, H2 in a temporary folder, mail through a GreenMail SMTP server on a random port.
 * Subclasses create their own customers, so they never depend on each other's data.
 */
@SpringBootTest(classes = PortalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({NoLoginWait.class, Fixtures.class})
public abstract class PortalContext {
    public static final String PASSWORD = WebFoundationContract.OWNER_PASSWORD;
    protected static final GreenMail MAIL = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    private static final Path DATA;
    private static final Pattern LINK = Pattern.compile("(https?://\\S+/(?:welcome|password/reset)\\?token=[A-Za-z0-9_-]+)");

    static {
        MAIL.start();
        try {
            DATA = Files.createTempDirectory("carillon-portal-it");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @LocalServerPort
    protected int port;
    @Autowired
    protected Fixtures fixtures;
    @Autowired
    protected LoginThrottle throttle;
    @Autowired
    protected MailDispatcher dispatcher;
    @Autowired
    protected AccountStore accounts;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        PortalTestSettings.common(registry, () -> DATA);
        registry.add("carillon.smtp.host", () -> "127.0.0.1");
        registry.add("carillon.smtp.port", () -> Integer.toString(MAIL.getSmtp().getPort()));
        registry.add("carillon.smtp.tls", () -> "none");
        registry.add("carillon.portal.base.url", () -> "http://portal.example.test");
        registry.add("carillon.mail.poll-ms", () -> "3600000");
        // The PBX packages the dist module built just before the portal (reactor order).
        registry.add("carillon.portal.downloads", () -> Path.of("../dist/target").toAbsolutePath().normalize().toString());
        // Two-step sign-in is opt-in per test here; MfaIT switches the staff/owner requirement on while it runs.
        registry.add("carillon.portal.mfa.required", () -> "false");
    }

    @BeforeEach
    void resetThrottle() {
        throttle.reset();
    }

    protected WebClient web() {
        return new WebClient(port);
    }

    /** A browser signed in as {@code email} with the common test password. */
    protected WebClient signedIn(String email) {
        WebClient web = web();
        var response = web.login(email, PASSWORD);
        if (!response.headers().firstValue("Location").orElse("").endsWith("/")) {
            throw new AssertionError("sign-in of " + email + " failed: " + response.headers().map());
        }
        return web;
    }

    protected WebClient staff() {
        return signedIn(OwnerBootstrap.OWNER_EMAIL);
    }

    /** Sends the outbox now and returns the newest message to {@code recipient} that GreenMail received. */
    protected MimeMessage lastMailTo(String recipient) {
        dispatcher.dispatchDue();
        MAIL.waitForIncomingEmail(Duration.ofSeconds(5).toMillis(), 1);
        List<MimeMessage> mine = Arrays.stream(MAIL.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equalsIgnoreCase(recipient));
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).toList();
        if (mine.isEmpty()) {
            throw new AssertionError("no mail to " + recipient);
        }
        return mine.getLast();
    }

    /** The single-use link in a mail, turned into a path on the test server (the mail uses the configured base URL). */
    protected static String linkPath(MimeMessage message) {
        try {
            String body = com.icegreen.greenmail.util.GreenMailUtil.getBody(message).replace("=\r\n", "")
                    .replace("=3D", "=");
            Matcher m = LINK.matcher(body);
            if (!m.find()) {
                throw new AssertionError("no link in mail: " + body);
            }
            String link = m.group(1);
            if (!link.startsWith("http://portal.example.test/")) {
                throw new AssertionError("link not built from the configured base URL: " + link);
            }
            return link.substring("http://portal.example.test".length());
        } catch (RuntimeException e) {
            throw e;
        }
    }
}
