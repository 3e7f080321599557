package org.carillon.pbx;

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

/** The foundation contract on the PBX with PostgreSQL, in a throw-away schema. */
@RequiresPostgres
@SpringBootTest(classes = PbxApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(NoLoginWait.class)
@DirtiesContext
class PbxWebPostgresIT extends WebFoundationContract {
    @TempDir
    static Path data;
    static PostgresSchema schema;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        PbxTestSettings.common(registry, () -> data);
        // The foundation contract's proxy tests: 127.0.0.2 and .3 are trusted reverse proxies here, 127.0.0.1 is not.
        registry.add("carillon.web.trusted-proxies", () -> WebFoundationContract.TRUSTED_PROXIES);
        registry.add("carillon.pbx.db.url", () -> {
            if (schema == null) {
                schema = PostgresSchema.create("pbx_it");
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

    @org.springframework.beans.factory.annotation.Autowired
    org.carillon.platform.apitoken.ApiTokens tokens;
    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @org.junit.jupiter.api.Test
    void tokenSearchIgnoresCaseEscapesWildcardsAndPagesInSql() {
        ApiTokenSearchCheck.searchIgnoresCaseEscapesWildcardsAndPages(tokens, jdbc.sql(
                "SELECT id FROM user_account WHERE email = ?").param(
                org.carillon.platform.account.OwnerBootstrap.OWNER_EMAIL).query(Long.class).single());
    }

    @Override
    protected String ownerRole() {
        return "owner";
    }
}
