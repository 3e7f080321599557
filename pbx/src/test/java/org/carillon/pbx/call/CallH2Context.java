package org.carillon.pbx.call;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.carillon.pbx.PbxApplication;
import org.carillon.pbx.feature.FeatureFixture;
import org.carillon.pbx.feature.FeatureTestBeans;
import org.carillon.platform.testing.NoLoginWait;
import org.carillon.platform.testing.WebFoundationContract;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One PBX on embedded H2 shared by the call ITs: digest offered as MD5 only (baresip 1.0.0's libre refuses any
 * challenge set with another algorithm), ringing stops after 4 s, keep-alive off.
 */
@SpringBootTest(classes = PbxApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({NoLoginWait.class, FeatureTestBeans.class})
abstract class CallH2Context implements FeatureFixture {
    static final int NO_ANSWER_SECONDS = 4;
    private static final Path DATA = tempDir();
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
        registry.add("carillon.data.dir", DATA::toString);
        registry.add("carillon.owner.password", () -> WebFoundationContract.OWNER_PASSWORD);
        registry.add("carillon.sip.port", () -> "0");
        registry.add("carillon.bind", () -> "127.0.0.1");
        registry.add("carillon.pbx.base.url", () -> "http://pbx.example.test");
        registry.add("carillon.registrar.keepalive.seconds", () -> "0");
        registry.add("carillon.dev.licenses", () -> "true");
        registry.add("carillon.license.file", () -> TestLicense.write(DATA, FeatureTestBeans.START).toString());
        registry.add("carillon.sip.auth.algorithms", () -> "MD5");
        registry.add("carillon.call.no.answer.seconds", () -> Integer.toString(NO_ANSWER_SECONDS));
        registry.add("carillon.smtp.host", () -> "127.0.0.1");
        registry.add("carillon.smtp.port", () -> Integer.toString(MAIL.getSmtp().getPort()));
        registry.add("carillon.smtp.tls", () -> "none");
    }

    Path dataDir() {
        return DATA;
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("pbx-calls-h2");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
