package org.carillon.sip.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.carillon.sip.auth.Verification.Outcome;
import org.junit.jupiter.api.Test;

class DigestServerTest {
    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final String URI = "sip:pbx.example.com";

    private final MutableClock clock = new MutableClock();
    private final DigestServer server = DigestServer.create("pbx.example.com", SECRET, clock);
    private final StoredCredential alice = StoredCredential.password("s3cret");

    private DigestChallenge challenge(DigestAlgorithm algorithm) {
        return server.challenges(false).stream().map(DigestChallenge::parse)
                .filter(c -> c.algorithm() == algorithm).findFirst().orElseThrow();
    }

    private Verification verify(String authorization, StoredCredential stored) {
        return server.verify("REGISTER", DigestCredentials.parse(authorization), stored);
    }

    @Test
    void offersSha256FirstThenMd5WithQopAuthAndOneNonce() {
        List<DigestChallenge> cs = server.challenges(false).stream().map(DigestChallenge::parse).toList();
        assertThat(cs).extracting(DigestChallenge::algorithm).containsExactly(DigestAlgorithm.SHA_256, DigestAlgorithm.MD5);
        assertThat(cs).allSatisfy(c -> assertThat(c.qopAuth()).isTrue());
        assertThat(cs.get(0).nonce()).isEqualTo(cs.get(1).nonce());
        assertThat(server.challenges(false).getFirst()).startsWith("Digest realm=\"pbx.example.com\"");
    }

    @Test
    void clientPicksSha256AndServerAcceptsIt() {
        DigestChallenge c = DigestClient.pick(server.challenges(false)).orElseThrow();
        assertThat(c.algorithm()).isEqualTo(DigestAlgorithm.SHA_256);
        String auth = new DigestClient("alice", "s3cret").authorization(c, "REGISTER", URI);
        assertThat(verify(auth, alice)).isEqualTo(Verification.accepted("alice"));
    }

    @Test
    void md5OnlyPhoneAnsweringTheMd5ChallengeIsAccepted() {
        String auth = new DigestClient("alice", "s3cret").authorization(challenge(DigestAlgorithm.MD5), "REGISTER", URI);
        assertThat(verify(auth, alice).outcome()).isEqualTo(Outcome.ACCEPTED);
    }

    @Test
    void storedHa1WorksLikeThePassword() {
        StoredCredential ha1 = StoredCredential.ha1(StoredCredential.ha1Values("alice", "pbx.example.com", "s3cret"));
        DigestClient client = new DigestClient("alice", "s3cret");
        assertThat(verify(client.authorization(challenge(DigestAlgorithm.SHA_256), "REGISTER", URI), ha1).accepted()).isTrue();
        assertThat(verify(client.authorization(challenge(DigestAlgorithm.MD5), "REGISTER", URI), ha1).accepted()).isTrue();
    }

    @Test
    void wrongPasswordIsRejected() {
        String auth = new DigestClient("alice", "guess").authorization(challenge(DigestAlgorithm.SHA_256), "REGISTER", URI);
        Verification v = verify(auth, alice);
        assertThat(v.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(v.reason()).isEqualTo("wrong response");
    }

    @Test
    void expiredNonceWithRightPasswordIsStaleAndTheNextChallengeSaysSo() {
        String auth = new DigestClient("alice", "s3cret").authorization(challenge(DigestAlgorithm.SHA_256), "REGISTER", URI);
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        assertThat(verify(auth, alice).outcome()).isEqualTo(Outcome.STALE);
        assertThat(server.challenges(true)).allSatisfy(h -> assertThat(DigestChallenge.parse(h).stale()).isTrue());
    }

    @Test
    void expiredNonceWithWrongPasswordIsRejectedNotStale() {
        String auth = new DigestClient("alice", "guess").authorization(challenge(DigestAlgorithm.SHA_256), "REGISTER", URI);
        clock.advance(Duration.ofMinutes(6));
        assertThat(verify(auth, alice).outcome()).isEqualTo(Outcome.REJECTED);
    }

    @Test
    void replayedNonceCountIsRejected() {
        String auth = new DigestClient("alice", "s3cret").authorization(challenge(DigestAlgorithm.SHA_256), "REGISTER", URI);
        assertThat(verify(auth, alice).accepted()).isTrue();
        Verification again = verify(auth, alice);
        assertThat(again.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(again.reason()).isEqualTo("replayed nonce count");
    }

    @Test
    void increasingAndOvertakingNonceCountsAreAcceptedOnce() {
        DigestChallenge c = challenge(DigestAlgorithm.SHA_256);
        DigestClient client = new DigestClient("alice", "s3cret");
        String first = client.authorization(c, "REGISTER", URI);
        String second = client.authorization(c, "REGISTER", URI);
        String third = client.authorization(c, "REGISTER", URI);
        assertThat(verify(first, alice).accepted()).isTrue();
        assertThat(verify(third, alice).accepted()).isTrue();
        assertThat(verify(second, alice).accepted()).isTrue(); // overtaken on UDP: still fresh
        assertThat(verify(second, alice).outcome()).isEqualTo(Outcome.REJECTED);
    }

    @Test
    void unknownAlgorithmIsRejected() {
        String auth = new DigestClient("alice", "s3cret").authorization(challenge(DigestAlgorithm.SHA_256), "REGISTER", URI)
                .replace("algorithm=SHA-256", "algorithm=SHA-1");
        Verification v = verify(auth, alice);
        assertThat(v.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(v.reason()).startsWith("unknown or unoffered algorithm");
    }

    @Test
    void nonceFromAnotherServerIsRejected() {
        DigestServer other = DigestServer.create("pbx.example.com", "another-secret-of-32-bytes-long!".getBytes(StandardCharsets.US_ASCII), clock);
        DigestChallenge foreign = DigestChallenge.parse(other.challenges(false).getFirst());
        String auth = new DigestClient("alice", "s3cret").authorization(foreign, "REGISTER", URI);
        assertThat(verify(auth, alice).reason()).isEqualTo("nonce not issued by this server");
    }

    @Test
    void missingQopIsRejected() {
        DigestChallenge c = challenge(DigestAlgorithm.MD5);
        DigestChallenge noQop = new DigestChallenge(c.realm(), c.nonce(), c.opaque(), c.algorithm(), false, false);
        String auth = new DigestClient("alice", "s3cret").authorization(noQop, "REGISTER", URI);
        assertThat(verify(auth, alice).reason()).isEqualTo("qop=auth required");
    }

    @Test
    void replayTableIsBoundedAndForgottenNoncesAreSentStale() {
        DigestServer small = new DigestServer("pbx.example.com", SECRET, clock, Duration.ofMinutes(5),
                List.of(DigestAlgorithm.SHA_256), 2);
        DigestClient client = new DigestClient("alice", "s3cret");
        DigestChallenge first = DigestChallenge.parse(small.challenges(false).getFirst());
        assertThat(small.verify("REGISTER", client.credentials(first, "REGISTER", URI), alice).accepted()).isTrue();
        for (int i = 0; i < 2; i++) {
            DigestChallenge c = DigestChallenge.parse(small.challenges(false).getFirst());
            assertThat(small.verify("REGISTER", client.credentials(c, "REGISTER", URI), alice).accepted()).isTrue();
        }
        // the first nonce was evicted: its next count cannot be checked, so the client gets a new nonce
        assertThat(small.verify("REGISTER", client.credentials(first, "REGISTER", URI), alice).outcome())
                .isEqualTo(Outcome.STALE);
    }

    @Test
    void wrongRealmIsRejected() {
        DigestChallenge c = challenge(DigestAlgorithm.SHA_256);
        DigestChallenge elsewhere = new DigestChallenge("evil.example.com", c.nonce(), c.opaque(), c.algorithm(), true, false);
        String auth = new DigestClient("alice", "s3cret").authorization(elsewhere, "REGISTER", URI);
        assertThat(verify(auth, alice).reason()).isEqualTo("wrong realm");
    }
}
