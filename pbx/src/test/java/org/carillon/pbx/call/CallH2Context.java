package org.carillon.pbx.call;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.carillon.pbx.PbxApplication;
import org.carillon.pbx.feature.FeatureFixture;
import org.carillon.pbx.feature.FeatureSettings;
import org.carillon.pbx.feature.FeatureTestBeans;
import org.carillon.platform.testing.NoLoginWait;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Path;

/**
 * One PBX on embedded H2 shared by the call ITs: digest offered as MD5 only (baresip 1.0.0's libre refuses any
 * challenge set with another algorithm), ringing stops after 4 s, parked calls ring back after 10 s, keep-alive off.
 */
@SpringBootTest(classes = PbxApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({NoLoginWait.class, FeatureTestBeans.class})
public abstract class CallH2Context implements FeatureFixture {
    static final int NO_ANSWER_SECONDS = 4;
    /** A parked call rings its parker back after this (ParkingSippH2IT). */
    static final int PARK_TIMEOUT_SECONDS = 10;
    private static final Path DATA = FeatureSettings.tempDir("pbx-calls-h2");
    /** A real SMTP server: voicemail emails (and welcome mails) go there. */
    static final GreenMail MAIL = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    static {
        MAIL.start();
    }

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        FeatureSettings.common(registry, DATA);
        registry.add("carillon.sip.auth.algorithms", () -> "MD5");
        registry.add("carillon.call.no.answer.seconds", () -> Integer.toString(NO_ANSWER_SECONDS));
        registry.add("carillon.parking.timeout.seconds", () -> Integer.toString(PARK_TIMEOUT_SECONDS));
        registry.add("carillon.smtp.host", () -> "127.0.0.1");
        registry.add("carillon.smtp.port", () -> Integer.toString(MAIL.getSmtp().getPort()));
        registry.add("carillon.smtp.tls", () -> "none");
    }

    Path dataDir() {
        return DATA;
    }

    @Override
    public int httpPort() {
        return port;
    }

    @Override
    public ApplicationContext context() {
        return context;
    }

    @BeforeEach
    void resetBetweenTests() {
        resetShared();
    }
}
