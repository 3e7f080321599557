package org.carillon.pbx.mailserver;

import org.carillon.platform.account.AccountStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.Optional;

/** SQL for {@code mail_server} (V57): one row, or none while the start-up settings apply. */
@Repository
public class MailServerStore {
    private final JdbcClient jdbc;

    public MailServerStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<MailServer> find() {
        return jdbc.sql("SELECT host, port, security, username, password_sealed, from_address FROM mail_server WHERE id = 1")
                .query((rs, n) -> new MailServer(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                        Optional.ofNullable(rs.getString(5)), rs.getString(6)))
                .optional();
    }

    public void save(MailServer server, Instant now, String by) {
        int updated = jdbc.sql("""
                UPDATE mail_server SET host = ?, port = ?, security = ?, username = ?, password_sealed = ?,
                    from_address = ?, updated_at = ?, updated_by = ? WHERE id = 1""")
                .params(server.host(), server.port(), server.security(), server.username(),
                        server.sealedPassword().orElse(null), server.from(), AccountStore.utc(now), by)
                .update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO mail_server (id, host, port, security, username, password_sealed, from_address,
                        updated_at, updated_by) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(server.host(), server.port(), server.security(), server.username(),
                            server.sealedPassword().orElse(null), server.from(), AccountStore.utc(now), by)
                    .update();
        }
    }

    /** @return whether there was a saved server */
    public boolean delete() {
        return jdbc.sql("DELETE FROM mail_server WHERE id = 1").update() > 0;
    }
}
