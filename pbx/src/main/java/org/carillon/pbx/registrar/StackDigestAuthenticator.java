package org.carillon.pbx.registrar;

import org.carillon.pbx.extension.DeviceAccount;
import org.carillon.pbx.extension.KeyFiles;
import org.carillon.platform.settings.DataDirectory;
import org.carillon.platform.settings.InvalidSettingException;
import org.carillon.platform.settings.Settings;
import org.carillon.sip.auth.DigestAlgorithm;
import org.carillon.sip.auth.DigestCredentials;
import org.carillon.sip.auth.DigestServer;
import org.carillon.sip.auth.StoredCredential;
import org.carillon.sip.auth.Verification;
import org.carillon.sip.message.HeaderName;
import org.carillon.sip.message.SipRequest;
import org.carillon.sip.message.SipResponse;
import org.carillon.sip.transaction.ServerTransaction;
import org.carillon.sip.transaction.Tags;
import org.springframework.stereotype.Component;

import java.time.Clock;
import org.carillon.pbx.security.SourceBans;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * {@link DeviceAuthenticator} on the stack's {@link DigestServer} (MD5 and SHA-256 challenges, expiring nonces,
 * nonce-count replay refusal), one per realm. The nonce secret is the key file {@code keys/sip-nonce.key}, so nonces
 * stay valid across a restart and re-registering phones are not counted as failures.
 *
 * <p>An unknown address of record, a username that is not the extension's own and a wrong password all get the
 * same answer: a 401 with fresh challenges (SECURITY.md), after the same digest work (a dummy credential).
 */
@Component
class StackDigestAuthenticator implements DeviceAuthenticator {
    private static final StoredCredential DUMMY = StoredCredential.password("x-no-such-user-x-" + System.nanoTime());
    private final byte[] secret;
    private final Clock clock;
    private final SourceBans bans;
    private final List<DigestAlgorithm> algorithms;
    private final List<String> md5OnlyAgents;
    /** By realm: the servers offering every configured algorithm, and those offering MD5 alone. */
    private final ConcurrentHashMap<String, DigestServer> servers = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, DigestServer> md5Servers = new ConcurrentHashMap<>();

    StackDigestAuthenticator(DataDirectory data, Clock clock, Settings settings, SourceBans bans) {
        this.bans = bans;
        this.secret = KeyFiles.loadOrCreate(data.resolve("keys").resolve("sip-nonce.key"), 32);
        this.clock = clock;
        this.algorithms = algorithms(settings.string(SETTING, "MD5,SHA-256"));
        this.md5OnlyAgents = java.util.Arrays.stream(settings.string(MD5_ONLY_SETTING, "baresip").split(","))
                .map(x -> x.strip().toLowerCase(java.util.Locale.ROOT)).filter(x -> !x.isEmpty()).toList();
    }

    /**
     * {@code CARILLON_SIP_AUTH_MD5_ONLY_AGENTS}: User-Agent substrings (comma-separated, case-insensitive) of devices
     * that fail on any challenge they cannot answer instead of skipping it (RFC 8760 §2.3 says skip): they are
     * challenged with MD5 alone. Default {@code baresip} (1.0.0 answers "Function not implemented" to a SHA-256
     * challenge even when an MD5 one is offered too).
     */
    static final String MD5_ONLY_SETTING = "CARILLON_SIP_AUTH_MD5_ONLY_AGENTS";

    private boolean md5Only(SipRequest request) {
        if (md5OnlyAgents.isEmpty()) {
            return false;
        }
        Optional<String> agent = request.headers().first(HeaderName.USER_AGENT);
        if (agent.isEmpty()) {
            return false;
        }
        String ua = agent.get().toLowerCase(java.util.Locale.ROOT);
        for (String a : md5OnlyAgents) { // every INVITE asks: a loop, not a stream
            if (ua.contains(a)) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code CARILLON_SIP_AUTH_ALGORITHMS}: the challenges offered, in this order. MD5 comes first by default although
     * RFC 8760 §2.4 would put the strongest first: SIPp 3.6.1 and baresip 1.0.0 (and some desk phones) answer only
     * the topmost challenge and give up when it is not MD5. Clients that pick the strongest offered (the stack's
     * {@code DigestClient}) still use SHA-256; and since MD5 is offered either way, the order adds no downgrade risk.
     */
    static final String SETTING = "CARILLON_SIP_AUTH_ALGORITHMS";

    static List<DigestAlgorithm> algorithms(String raw) {
        List<DigestAlgorithm> list = new ArrayList<>();
        for (String token : raw.split(",")) {
            DigestAlgorithm a = DigestAlgorithm.fromToken(token.strip()).filter(x -> !x.isSession())
                    .orElseThrow(() -> new InvalidSettingException(SETTING, "'" + token.strip()
                            + "' is not one of MD5, SHA-256, SHA-512-256"));
            if (!list.contains(a)) {
                list.add(a);
            }
        }
        if (list.isEmpty()) {
            throw new InvalidSettingException(SETTING, "names no algorithm");
        }
        return List.copyOf(list);
    }

    private DigestServer server(String realm, boolean md5Only) {
        ConcurrentHashMap<String, DigestServer> byRealm = md5Only ? md5Servers : servers;
        DigestServer known = byRealm.get(realm); // every INVITE asks: no capturing lambda once the realm has one
        return known != null ? known : byRealm.computeIfAbsent(realm, k -> new DigestServer(k, secret, clock,
                Duration.ofMinutes(5), md5Only ? List.of(DigestAlgorithm.MD5) : algorithms, 50_000));
    }

    @Override
    public Outcome authenticate(ServerTransaction tx, String realm, Optional<DeviceAccount> expected) {
        return authenticateClaimed(tx, realm, username -> expected);
    }

    @Override
    public Outcome authenticateClaimed(ServerTransaction tx, String realm,
                                       Function<String, Optional<DeviceAccount>> byUsername) {
        SipRequest request = tx.request();
        DigestServer server = server(realm, md5Only(request));
        Optional<DigestCredentials> credentials = credentialsFor(request, realm);
        if (credentials.isEmpty()) {
            challenge(tx, server, false);
            return new Outcome.Challenged();
        }
        DigestCredentials c = credentials.get();
        Optional<DeviceAccount> expected = byUsername.apply(c.username());
        Optional<DeviceAccount> match = expected.filter(a -> a.username().equals(c.username()));
        StoredCredential stored = match.map(a -> StoredCredential.password(a.password())).orElse(DUMMY);
        Verification v = server.verify(request.method(), c, stored);
        if (v.accepted() && match.isPresent()) {
            return new Outcome.Authenticated(match.get());
        }
        if (v.outcome() == Verification.Outcome.STALE && match.isPresent()) {
            challenge(tx, server, true);
            return new Outcome.Challenged();
        }
        // counted before the answer leaves: the source's next request must already see the ban it earns
        bans.recordFailure(tx.source().remote().getAddress());
        challenge(tx, server, false);
        return new Outcome.Failed();
    }

    /** The Authorization value for our realm; a malformed one counts as none of ours. */
    private static Optional<DigestCredentials> credentialsFor(SipRequest request, String realm) {
        for (String value : request.headers().all(proxied(request) ? HeaderName.PROXY_AUTHORIZATION
                : HeaderName.AUTHORIZATION)) {
            try {
                DigestCredentials c = DigestCredentials.parse(value);
                if (c.realm().equals(realm)) {
                    return Optional.of(c);
                }
            } catch (RuntimeException malformed) {
                // not Digest, or unparsable: ignore
            }
        }
        return Optional.empty();
    }

    private static void challenge(ServerTransaction tx, DigestServer server, boolean stale) {
        boolean proxied = proxied(tx.request());
        SipResponse r = tx.request().createResponse(proxied ? 407 : 401, Optional.of(Tags.generate()));
        for (String value : server.challenges(stale)) {
            r.headers().add(proxied ? HeaderName.PROXY_AUTHENTICATE : HeaderName.WWW_AUTHENTICATE, value);
        }
        tx.respond(r);
    }

    /** RFC 3261 §22.3: a registrar challenges with 401, a proxy or B2BUA (INVITE, REFER…) with 407. */
    private static boolean proxied(SipRequest request) {
        return !org.carillon.sip.message.SipMethod.REGISTER.equals(request.method());
    }
}
