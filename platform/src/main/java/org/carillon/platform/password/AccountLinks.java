package org.carillon.platform.password;

import org.carillon.platform.account.Account;
import org.carillon.platform.mail.MailMessage;
import org.carillon.platform.mail.MailOutbox;
import org.carillon.platform.settings.Settings;
import org.carillon.platform.token.AccountTokens;
import org.carillon.platform.token.TokenPurpose;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Locale;

/**
 * Emails that carry a single-use link: the invitation to set a first password (PBX welcome mail, portal
 * sub-account verification) and the password-reset link. Links are built from the configured base URL
 * ({@code CARILLON_<APP>_BASE_URL}), never from a request's Host header.
 */
@Service
public class AccountLinks {
    private final AccountTokens tokens;
    private final MailOutbox outbox;
    private final String baseUrl;
    private final String appTitle;

    public AccountLinks(AccountTokens tokens, MailOutbox outbox, Settings settings, Environment environment) {
        this.tokens = tokens;
        this.outbox = outbox;
        String app = environment.getProperty("carillon.app", "app").toUpperCase(Locale.ROOT);
        String url = settings.string("CARILLON_" + app + "_BASE_URL", "http://localhost:8080");
        this.baseUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.appTitle = environment.getProperty("carillon.app-title", "Carillon");
    }

    /** A page of this app as a mail links to it: {@code path} (starting with {@code /}) under the base URL. */
    public String link(String path) {
        return baseUrl + path;
    }

    /** The link an invitation token opens. */
    public String invitationLink(String token) {
        return link("/welcome?token=" + token);
    }

    public String resetLink(String token) {
        return link("/password/reset?token=" + token);
    }

    /**
     * Queues an invitation: {@code intro} first (what the account is for, phone settings…), then the link.
     *
     * @return the raw token (tests use it; never log it)
     */
    @Transactional
    public String sendInvitation(Account account, String subject, String intro) {
        String token = tokens.issue(account.id(), TokenPurpose.INVITATION);
        outbox.enqueue(new MailMessage(account.email(), subject, intro + "\n\n"
                + "Set your password for " + appTitle + " here (the link works once, for 72 hours):\n"
                + invitationLink(token) + "\n\nYour sign-in name is " + account.email() + ".\n"));
        return token;
    }

    /** Queues a password-reset link. */
    @Transactional
    public void sendPasswordReset(Account account) {
        String token = tokens.issue(account.id(), TokenPurpose.PASSWORD_RESET);
        outbox.enqueue(new MailMessage(account.email(), appTitle + ": reset your password",
                "Someone (hopefully you) asked to reset the password of " + account.email() + ".\n\n"
                        + "Choose a new password here (the link works once, for 30 minutes):\n"
                        + resetLink(token) + "\n\nIf you did not ask for this, ignore this email; "
                        + "your password stays as it is.\n"));
    }

    /** Tells the user their password changed (after a reset). */
    public void notifyPasswordChanged(Account account) {
        outbox.enqueue(new MailMessage(account.email(), appTitle + ": your password was changed",
                "The password of " + account.email() + " was just changed and your other sessions were ended.\n\n"
                        + "If this was not you, reset your password at " + link("/password/forgot") + " "
                        + "and tell your administrator.\n"));
    }
}
