package org.carillon.platform.mfa;

import org.carillon.platform.account.AccountStore;
import org.carillon.platform.audit.AuditLog;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Two-step sign-in: enrolment (secret → first code → 10 recovery codes shown once) and the check at sign-in. A TOTP
 * code is accepted one step either side of now and only for a step later than the last one used; a recovery code
 * works once.
 */
@Service
public class MfaService {
    static final int WINDOW = 1;
    private static final SecureRandom RANDOM = new SecureRandom();
    private final MfaStore store;
    private final AccountStore accounts;
    private final AuditLog audit;
    private final MfaThrottle throttle;
    private final Clock clock;
    private final String issuer;

    public MfaService(MfaStore store, AccountStore accounts, AuditLog audit, MfaThrottle throttle, Clock clock,
                      Environment environment) {
        this.store = store;
        this.accounts = accounts;
        this.audit = audit;
        this.throttle = throttle;
        this.clock = clock;
        this.issuer = environment.getProperty("carillon.app-title", "Carillon");
    }

    public boolean enabled(long accountId) {
        return store.enabled(accountId);
    }

    /** What the set-up page shows: the secret in base32 and as an {@code otpauth://} URI. */
    public record Enrolment(String secret, String uri) {
    }

    /** Starts (or restarts) an enrolment; empty when two-step sign-in is already on. */
    @Transactional
    public Optional<Enrolment> enrolment(MfaUser me) {
        var existing = store.find(me.accountId());
        if (existing.isPresent() && existing.get().enabled()) {
            return Optional.empty();
        }
        String secret = existing.map(MfaStore.Credential::secret)
                .orElseGet(() -> Base32.encode(Totp.newSecret(RANDOM)));
        store.startEnrolment(me.accountId(), secret, clock.instant());
        return Optional.of(new Enrolment(secret, Totp.uri(issuer, me.email(), Base32.decode(secret))));
    }

    /**
     * Confirms the enrolment with the app's first code.
     *
     * @return the recovery codes to show once, or empty when the code is wrong
     */
    @Transactional
    public Optional<List<String>> confirm(MfaUser me, String code, String source) {
        var credential = store.find(me.accountId()).filter(c -> !c.enabled());
        if (credential.isEmpty()) {
            return Optional.empty();
        }
        var step = Totp.match(Base32.decode(credential.get().secret()), code, clock.instant(), WINDOW);
        if (step.isEmpty() || !store.useStep(me.accountId(), step.getAsLong())) {
            return Optional.empty();
        }
        List<String> codes = RecoveryCodes.generate(RANDOM);
        store.enable(me.accountId(), codes.stream().map(RecoveryCodes::hash).toList());
        audit.record(me.email(), "mfa_enabled", "account", Long.toString(me.accountId()), "", source);
        return Optional.of(codes);
    }

    /** Until when wrong codes have locked this account's (or this address's) second step; empty when not locked. */
    public Optional<Instant> lockedUntil(MfaUser me, String source) {
        return throttle.lockedUntil(me.email(), source);
    }

    /**
     * Checks a sign-in's second step: a TOTP code, or a recovery code. Refused without looking at the code while
     * {@link #lockedUntil} says locked; each wrong code counts in {@link MfaThrottle}.
     */
    @Transactional
    public boolean verify(MfaUser me, String code, String source) {
        if (lockedUntil(me, source).isPresent()) {
            audit.record(me.email(), "mfa_refused", "account", Long.toString(me.accountId()),
                    "locked: too many wrong codes", source);
            return false;
        }
        var credential = store.find(me.accountId()).filter(MfaStore.Credential::enabled);
        if (credential.isEmpty()) {
            return false;
        }
        boolean ok;
        String how;
        if (RecoveryCodes.plausible(code)) {
            ok = store.useRecoveryCode(me.accountId(), RecoveryCodes.hash(code), clock.instant());
            how = "recovery code, " + store.unusedRecoveryCodes(me.accountId()) + " left";
        } else {
            var step = Totp.match(Base32.decode(credential.get().secret()), code, clock.instant(), WINDOW);
            ok = step.isPresent() && store.useStep(me.accountId(), step.getAsLong());
            how = "authenticator code";
        }
        audit.record(me.email(), ok ? "mfa_passed" : "mfa_failed", "account", Long.toString(me.accountId()), how,
                source);
        if (ok) {
            throttle.passed(me.email());
        } else if (throttle.failed(me.email(), source)) {
            audit.record(me.email(), "mfa_locked", "account", Long.toString(me.accountId()),
                    "second step locked for 15 minutes after 10 wrong codes", source);
        }
        return ok;
    }

    /**
     * An administrator's reset of another user's second step, for a user who lost both their phone and their
     * recovery codes: the credential and the codes are removed and every session of the account ends, so the user
     * signs in again with their password (and sets two-step sign-in up again, at once when the app's policy requires
     * it). The caller checks who may reset whom and writes the audit line in its app's style. When two-step sign-in
     * is not on, nothing is changed: no credential removed, no session ended.
     *
     * @return whether two-step sign-in was on (and so was reset)
     */
    @Transactional
    public boolean reset(long accountId) {
        if (!store.enabled(accountId)) {
            return false;
        }
        store.remove(accountId);
        accounts.endSessions(accountId);
        return true;
    }
}
