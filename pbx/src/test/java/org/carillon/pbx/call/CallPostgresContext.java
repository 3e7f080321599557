package org.carillon.pbx.call;

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
 * The call ITs' PBX on PostgreSQL (a throw-away schema dropped when the JVM exits), otherwise as
 * {@link CallH2Context}.
 */
@org.carillon.platform.testing.RequiresPostgres
@SpringBootTest(classes = PbxApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({NoLoginWait.class, FeatureTestBeans.class})
abstract class CallPostgresContext implements FeatureFixture {
    static final int NO_ANSWER_SECONDS = CallH2Context.NO_ANSWER_SECONDS;
    private static final Path DATA = tempDir();
    private static org.carillon.platform.testing.PostgresSchema schema;

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
        registry.add("carillon.pbx.db.url", CallPostgresContext::url);
    }

    private static synchronized String url() {
        if (schema == null) {
            schema = org.carillon.platform.testing.PostgresSchema.create("pbx_calls");
            var s = schema;
            Runtime.getRuntime().addShutdownHook(new Thread(s::close));
        }
        return schema.jdbcUrl();
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("pbx-calls-pg");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
