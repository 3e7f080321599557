package org.carillon.pbx.call;

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
 * The call ITs' PBX on PostgreSQL (a throw-away schema dropped when the JVM exits), otherwise as
 * {@link CallH2Context}.
 */
@org.carillon.platform.testing.RequiresPostgres
@SpringBootTest(classes = PbxApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({NoLoginWait.class, FeatureTestBeans.class})
abstract class CallPostgresContext implements FeatureFixture {
    static final int NO_ANSWER_SECONDS = CallH2Context.NO_ANSWER_SECONDS;
    private static final Path DATA = FeatureSettings.tempDir("pbx-calls-pg");

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        FeatureSettings.common(registry, DATA);
        registry.add("carillon.sip.auth.algorithms", () -> "MD5");
        registry.add("carillon.call.no.answer.seconds", () -> Integer.toString(NO_ANSWER_SECONDS));
        registry.add("carillon.pbx.db.url", () -> FeatureSettings.postgresUrl("pbx_calls"));
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
