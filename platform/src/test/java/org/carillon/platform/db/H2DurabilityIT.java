package org.carillon.platform.db;

import org.carillon.platform.settings.DataDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A commit acknowledged by the embedded H2 database survives {@code kill -9} of the process: the URL the apps use
 * ({@code WRITE_DELAY=0}) writes each commit to the file before returning.
 */
class H2DurabilityIT {

    @Test
    void everyAcknowledgedCommitSurvivesSigkill(@TempDir Path dir) throws Exception {
        String url = DatabaseConfiguration.h2Url(new DataDirectory(dir), "crash");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                H2CrashWriter.class.getName(), url).redirectErrorStream(false).start();
        List<Long> acknowledged = new ArrayList<>();
        try (var reader = new BufferedReader(new InputStreamReader(child.getInputStream()))) {
            String line;
            while ((line = reader.readLine()) != null) {
                acknowledged.add(Long.parseLong(line.trim()));
                if (acknowledged.size() == 300) {
                    child.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no H2 close
                    break;
                }
            }
        }
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(acknowledged).hasSize(300);

        try (var c = DriverManager.getConnection(url, "sa", "");
             var rs = c.createStatement().executeQuery("SELECT COUNT(*), MAX(id) FROM acked")) {
            rs.next();
            assertThat(rs.getLong(1)).isGreaterThanOrEqualTo(300);
            assertThat(rs.getLong(2)).isGreaterThanOrEqualTo(300);
        }
    }
}
