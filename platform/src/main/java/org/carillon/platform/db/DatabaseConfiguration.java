package org.carillon.platform.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import org.carillon.platform.settings.DataDirectory;
import org.carillon.platform.settings.InvalidSettingException;
import org.carillon.platform.settings.Settings;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import javax.sql.DataSource;
import java.util.Locale;

/**
 * The app's database: PostgreSQL when {@code CARILLON_<APP>_DB_URL} is set, else an embedded H2 file under the data
 * folder, in PostgreSQL mode so that one set of Flyway migrations serves both. H2 is opened with
 * {@code WRITE_DELAY=0}: a committed transaction is written to the file before the commit returns, so a
 * {@code kill -9} right after an acknowledgement loses nothing.
 */
@Configuration(proxyBeanMethods = false)
public class DatabaseConfiguration {

    @Bean
    public Settings carillonSettings(Environment environment) {
        return new Settings(environment);
    }

    @Bean
    public DataDirectory dataDirectory(Environment environment, Settings settings) {
        return DataDirectory.prepare(settings.string("CARILLON_DATA_DIR", "./data"), app(environment));
    }

    @Bean(destroyMethod = "close")
    public HikariDataSource dataSource(Environment environment, Settings settings, DataDirectory dataDirectory) {
        String prefix = "CARILLON_" + app(environment).toUpperCase(Locale.ROOT) + "_DB_";
        HikariConfig config = new HikariConfig();
        config.setPoolName(app(environment) + "-db");
        config.setConnectionTimeout(5_000);
        config.setMaximumPoolSize(10);
        var url = settings.optional(prefix + "URL");
        if (url.isPresent()) {
            if (!url.get().startsWith("jdbc:postgresql:") && !url.get().startsWith("jdbc:h2:")) {
                throw new InvalidSettingException(prefix + "URL",
                        "'" + url.get() + "' is not a jdbc:postgresql: (or jdbc:h2:) URL");
            }
            config.setJdbcUrl(url.get());
            settings.optional(prefix + "USER").ifPresent(config::setUsername);
            settings.optional(prefix + "PASSWORD").ifPresent(config::setPassword);
        } else {
            config.setJdbcUrl(h2Url(dataDirectory, app(environment)));
            config.setUsername("sa");
            config.setPassword("");
        }
        try {
            return new HikariDataSource(config);
        } catch (HikariPool.PoolInitializationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new InvalidSettingException(url.isPresent() ? prefix + "URL" : "CARILLON_DATA_DIR",
                    "cannot open the database (" + cause.getMessage() + ")", e);
        }
    }

    /**
     * Runs the platform's migrations (accounts, outbox, audit; history table {@code platform_schema_history}) before
     * the app's own ({@code flyway_schema_history}), so neither set has to know the other's version numbers.
     */
    @Bean
    public FlywayMigrationStrategy platformFirstMigrationStrategy(DataSource dataSource) {
        return appFlyway -> {
            org.flywaydb.core.Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/platform")
                    .table("platform_schema_history")
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .load()
                    .migrate();
            appFlyway.migrate();
        };
    }

    static String h2Url(DataDirectory dataDirectory, String app) {
        String file = dataDirectory.resolve("db").resolve(app).toString().replace('\\', '/');
        return "jdbc:h2:file:" + file
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0";
    }

    static String app(Environment environment) {
        return environment.getProperty("carillon.app", "app");
    }
}
