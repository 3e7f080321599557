package org.carillon.pbx.feature;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.carillon.platform.mail.MailDispatcher;
import org.carillon.platform.testing.WebClient;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Settings ▸ Mail server as the Owner uses it: the form pointed at a real SMTP server (GreenMail on loopback, which
 * checks the password), a test email through the outbox read back from that server, the password neither shown nor
 * stored in clear, errors beside the fields. Each test puts the shared PBX back on its start-up settings.
 */
public interface MailServerContract extends FeatureFixture {
    String SMTP_USER = "relay-user";
    String SMTP_PASSWORD = "Relay-Secret-4711-xyz";

    private WebClient owner() {
        WebClient web = new WebClient(httpPort());
        web.login(OWNER, OWNER_PASSWORD);
        return web;
    }

    private static Map<String, String> form(int port, String password, String csrf) {
        Map<String, String> f = new HashMap<>(Map.of("host", "127.0.0.1", "port", Integer.toString(port),
                "security", "none", "username", SMTP_USER, "from", "Carillon PBX <pbx@example.test>", "_csrf", csrf));
        f.put("password", password);
        return f;
    }

    /** Runs the outbox until a test email to {@code to} reached the server, or fails after 20 s. */
    private List<MimeMessage> awaitTestMail(GreenMail smtp, String to, int count) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (true) {
            bean(MailDispatcher.class).dispatchDue();
            List<MimeMessage> got = new java.util.ArrayList<>();
            for (MimeMessage m : smtp.getReceivedMessages()) {
                if ("Carillon test email".equals(m.getSubject()) && to.equals(m.getAllRecipients()[0].toString())) {
                    got.add(m);
                }
            }
            if (got.size() >= count || Instant.now().isAfter(deadline)) {
                return got;
            }
            smtp.waitForIncomingEmail(200, got.size() + 1);
        }
    }

    @Test
    default void theSavedServerCarriesTheTestEmailWithoutARestartAndThePasswordStaysSecret() throws Exception {
        GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.setUser(SMTP_USER, SMTP_PASSWORD);
        smtp.start();
        WebClient web = owner();
        try {
            var menu = web.get("/settings/mail");
            assertThat(menu.statusCode()).isEqualTo(200);
            assertThat(menu.body()).contains("id=\"menu-mail\"").contains("Send test email");

            var saved = web.postForm("/settings/mail", form(smtp.getSmtp().getPort(), SMTP_PASSWORD,
                    web.csrfToken("/settings/mail")));
            assertThat(saved.statusCode()).isEqualTo(302);

            var page = web.get("/settings/mail");
            assertThat(page.body()).contains("value=\"127.0.0.1\"").contains("placeholder=\"unchanged\"")
                    .contains("id=\"clear-password\"").doesNotContain(SMTP_PASSWORD);
            String sealed = jdbc().sql("SELECT password_sealed FROM mail_server").query(String.class).single();
            assertThat(sealed).isNotBlank().doesNotContain(SMTP_PASSWORD);
            assertThat(jdbc().sql("SELECT * FROM mail_server").query().listOfRows().toString())
                    .doesNotContain(SMTP_PASSWORD);
            var audit = jdbc().sql("SELECT detail, before_state, after_state FROM audit_event"
                    + " WHERE action = 'mail_server.update' ORDER BY id DESC").query().listOfRows();
            assertThat(audit).isNotEmpty();
            assertThat(audit.getFirst().toString()).contains("password changed").contains("127.0.0.1")
                    .doesNotContain(SMTP_PASSWORD);

            String to = uniqueEmail("mailtest");
            var queued = web.postForm("/settings/mail/test", Map.of("to", to, "_csrf", web.csrfToken("/settings/mail")));
            assertThat(queued.statusCode()).isEqualTo(302);
            assertThat(web.get("/settings/mail").body()).contains("Test email to " + to + " queued");

            List<MimeMessage> got = awaitTestMail(smtp, to, 1);
            assertThat(got).hasSize(1);
            assertThat(got.getFirst().getFrom()[0].toString()).contains("pbx@example.test");

            // saved again with the password left empty: the stored one still signs in
            var again = web.postForm("/settings/mail", form(smtp.getSmtp().getPort(), "",
                    web.csrfToken("/settings/mail")));
            assertThat(again.statusCode()).isEqualTo(302);
            assertThat(jdbc().sql("SELECT password_sealed FROM mail_server").query(String.class).single())
                    .isEqualTo(sealed);
            web.postForm("/settings/mail/test", Map.of("to", to, "_csrf", web.csrfToken("/settings/mail")));
            assertThat(awaitTestMail(smtp, to, 2)).hasSize(2);
            assertThat(web.get("/settings/mail").body()).contains("id=\"outbox-sent\"").doesNotContain(SMTP_PASSWORD);

            Map<String, String> clear = form(smtp.getSmtp().getPort(), "", web.csrfToken("/settings/mail"));
            clear.put("clearPassword", "on");
            assertThat(web.postForm("/settings/mail", clear).statusCode()).isEqualTo(302);
            assertThat(jdbc().sql("SELECT COUNT(*) FROM mail_server WHERE password_sealed IS NULL").query(Long.class)
                    .single()).isEqualTo(1L);
            assertThat(web.get("/settings/mail").body()).contains("placeholder=\"none stored\"")
                    .doesNotContain("id=\"clear-password\"");
        } finally {
            web.postForm("/settings/mail/reset", Map.of("_csrf", web.csrfToken("/settings/mail")));
            smtp.stop();
        }
        assertThat(jdbc().sql("SELECT COUNT(*) FROM mail_server").query(Long.class).single()).isZero();
    }

    @Test
    default void badFieldsAreShownBesideThemAndNothingIsSaved() {
        WebClient web = owner();
        Map<String, String> bad = form(70000, "typed-but-refused-77", web.csrfToken("/settings/mail"));
        bad.put("from", "not an address");
        var page = web.postForm("/settings/mail", bad);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"port-error\"").contains("id=\"from-error\"")
                .doesNotContain("id=\"host-error\"").doesNotContain("typed-but-refused-77");
        assertThat(jdbc().sql("SELECT COUNT(*) FROM mail_server").query(Long.class).single()).isZero();

        var test = web.postForm("/settings/mail/test", Map.of("to", "nobody", "_csrf", web.csrfToken("/settings/mail")));
        assertThat(test.statusCode()).isEqualTo(200);
        assertThat(test.body()).contains("id=\"to-error\"");
    }
}
