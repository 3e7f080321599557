package org.carillon.portal;

import org.carillon.platform.testing.NoLoginWait;
import org.carillon.platform.testing.PostgresSchema;
import org.carillon.platform.testing.RequiresPostgres;
import org.carillon.platform.testing.WebFoundationContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Path;

/** The foundation contract on the portal with PostgreSQL, in a throw-away schema. */
@RequiresPostgres
@SpringBootTest(classes = PortalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(NoLoginWait.class)
@DirtiesContext
class PortalWebPostgresIT extends WebFoundationContract {
    @TempDir
    static Path data;
    static PostgresSchema schema;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        PortalTestSettings.common(registry, () -> data);
        // The foundation contract's proxy tests: 127.0.0.2 and .3 are trusted reverse proxies here, 127.0.0.1 is not.
        registry.add("carillon.web.trusted-proxies", () -> WebFoundationContract.TRUSTED_PROXIES);
        // The foundation contract signs the staff account in with its password alone; MfaIT covers the second step.
        registry.add("carillon.portal.mfa.required", () -> "false");
        registry.add("carillon.portal.db.url", () -> {
            if (schema == null) {
                schema = PostgresSchema.create("portal_it");
            }
            return schema.jdbcUrl();
        });
    }

    @AfterAll
    static void dropSchema() {
        if (schema != null) {
            schema.close();
        }
    }

    @Override
    protected String ownerRole() {
        return "staff";
    }
}
