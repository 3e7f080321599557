package org.carillon.pbx.extension;

import org.carillon.pbx.tenant.Tenant;
import org.carillon.platform.account.AccountStore;
import org.carillon.platform.password.AccountLinks;
import org.carillon.platform.settings.Settings;
import org.springframework.stereotype.Component;

import java.net.URI;

/**
 * The welcome email of a new extension (SPEC §2.1): the phone settings, then the platform's single-use invitation
 * link to choose the web password (SECURITY.md: 72 hours). Queued in the caller's transaction through the outbox.
 */
@Component
public class WelcomeMail {
    private final AccountLinks links;
    private final AccountStore accounts;
    private final String server;
    private final String port;

    public WelcomeMail(AccountLinks links, AccountStore accounts, Settings settings) {
        this.links = links;
        this.accounts = accounts;
        String base = settings.string("CARILLON_PBX_BASE_URL", "http://localhost:8080");
        this.server = settings.optional("CARILLON_EXTERNAL_ADDRESS").orElseGet(() -> hostOf(base));
        this.port = settings.string("CARILLON_SIP_PORT", "5060");
    }

    private static String hostOf(String url) {
        try {
            String host = URI.create(url).getHost();
            return host == null ? "localhost" : host;
        } catch (IllegalArgumentException e) {
            return "localhost";
        }
    }

    /** @return the invitation token (tests follow it; never logged) */
    String enqueue(Tenant tenant, Extension e, SipCredentials credentials) {
        String intro = """
                Hello %s,

                you have an extension on the %s phone system: number %s.

                Settings for your phone or softphone:
                  SIP server / registrar: %s
                  Port:                   %s (UDP or TCP)
                  Domain:                 %s
                  User / extension:       %s
                  Authentication user:    %s
                  Password:               %s

                Keep this password private. If you think someone else knows it, ask your administrator for new
                credentials.""".formatted(e.displayName(), tenant.name(), e.number(), server, port,
                tenant.sipDomain(), e.number(), credentials.username(), credentials.password());
        return links.sendInvitation(accounts.findById(e.accountId()).orElseThrow(),
                "Your extension " + e.number() + " is ready", intro);
    }
}
