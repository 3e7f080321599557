package org.carillon.pbx.feature;

import org.carillon.pbx.PbxApplication;
import org.carillon.platform.testing.NoLoginWait;
import org.carillon.platform.testing.RequiresPostgres;
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
 * One PBX on PostgreSQL (a throw-away schema, dropped when the test JVM exits because several classes share the
 * context), shared by every feature contract's PostgreSQL class.
 */
@RequiresPostgres
@SpringBootTest(classes = PbxApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({NoLoginWait.class, FeatureTestBeans.class})
public abstract class FeaturePostgresContext implements FeatureFixture {
    private static final Path DATA = FeatureSettings.tempDir("pbx-features-pg");

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        FeatureSettings.common(registry, DATA);
        registry.add("carillon.pbx.db.url", () -> FeatureSettings.postgresUrl("pbx_feature"));
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
