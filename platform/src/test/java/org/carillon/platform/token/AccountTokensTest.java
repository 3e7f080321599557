package org.carillon.platform.token;

import org.carillon.platform.account.AccountStore;
import org.carillon.platform.testing.MutableClock;
import org.carillon.platform.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** SECURITY.md's token rules on the real schema (H2): hashed, single use, expiring, superseded by a newer one. */
class AccountTokensTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));
    private final JdbcClient jdbc = JdbcClient.create(TestDatabase.h2WithPlatformSchema());
    private final AccountTokens tokens = new AccountTokens(jdbc, clock);
    private final long account = new AccountStore(jdbc, clock).create("t@example.com", "", "owner", "T", "T").id();

    @Test
    void onlyTheSha256OfA256BitTokenIsStored() {
        String token = tokens.issue(account, TokenPurpose.PASSWORD_RESET);
        assertThat(java.util.Base64.getUrlDecoder().decode(token)).hasSize(32);
        String stored = jdbc.sql("SELECT token_hash FROM account_token").query(String.class).single();
        assertThat(stored).isEqualTo(TokenHash.of(token)).doesNotContain(token).hasSize(64);
    }

    @Test
    void aResetTokenWorksOnceAndOnlyFor30Minutes() {
        String token = tokens.issue(account, TokenPurpose.PASSWORD_RESET);
        clock.advance(Duration.ofMinutes(29));
        assertThat(tokens.consume(token, TokenPurpose.INVITATION)).isEmpty(); // wrong purpose
        assertThat(tokens.consume(token, TokenPurpose.PASSWORD_RESET)).contains(account);
        assertThat(tokens.consume(token, TokenPurpose.PASSWORD_RESET)).isEmpty();

        String late = tokens.issue(account, TokenPurpose.PASSWORD_RESET);
        clock.advance(Duration.ofMinutes(30));
        assertThat(tokens.peek(late, TokenPurpose.PASSWORD_RESET)).isEmpty();
        assertThat(tokens.consume(late, TokenPurpose.PASSWORD_RESET)).isEmpty();
    }

    @Test
    void anInvitationLives72HoursAndANewerTokenSupersedesTheOlder() {
        String first = tokens.issue(account, TokenPurpose.INVITATION);
        String second = tokens.issue(account, TokenPurpose.INVITATION);
        assertThat(tokens.peek(first, TokenPurpose.INVITATION)).isEmpty();
        clock.advance(Duration.ofHours(72).minusSeconds(1));
        assertThat(tokens.peek(second, TokenPurpose.INVITATION)).isEqualTo(Optional.of(account));
        clock.advance(Duration.ofSeconds(1));
        assertThat(tokens.consume(second, TokenPurpose.INVITATION)).isEmpty();
    }
}
