package org.carillon.portal;

import org.carillon.platform.account.OwnerBootstrap;
import org.carillon.platform.testing.NoLoginWait;
import org.carillon.platform.testing.WebClient;
import org.carillon.platform.testing.WebFoundationContract;
import org.carillon.platform.web.RequestGate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal with the page-read gate on at its tightest (one read at a time, and no read ever let through for having
 * waited): sign-in, pages read at once by several users, the error page of a read and a POST all still work, in turn.
 */
@SpringBootTest(classes = PortalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(NoLoginWait.class)
class RequestGateIT {
    private static final Path DATA;

    static {
        try {
            DATA = Files.createTempDirectory("carillon-portal-gate-it");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    FilterRegistrationBean<RequestGate> gate;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        PortalTestSettings.common(registry, () -> DATA);
        registry.add("carillon.portal.mfa.required", () -> "false");
        registry.add("carillon.web.active-reads", () -> "1");
        registry.add("carillon.web.read-wait-ms", () -> "600000");
    }

    @Test
    void pagesSignInAndErrorsWorkThroughAGateOfOne() throws Exception {
        assertThat(gate.isEnabled()).isTrue();
        var web = new WebClient(port);
        assertThat(web.login(OwnerBootstrap.OWNER_EMAIL, WebFoundationContract.OWNER_PASSWORD).statusCode())
                .isEqualTo(302);

        List<Future<Integer>> reads = new ArrayList<>();
        try (var users = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 12; i++) {
                String path = i % 3 == 0 ? "/" : i % 3 == 1 ? "/login" : "/no-such-page";
                reads.add(users.submit(() -> web.get(path).statusCode()));
            }
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> read : reads) {
            statuses.add(read.get());
        }
        assertThat(statuses).containsExactly(200, 200, 404, 200, 200, 404, 200, 200, 404, 200, 200, 404);
        // Each read had its turn: none went ahead for having waited, none is left holding or waiting for one.
        assertThat(gate.getFilter().overflows()).isZero();
        assertThat(gate.getFilter().waiting()).isZero();
        assertThat(web.get("/").body()).contains("Dashboard");
    }
}
