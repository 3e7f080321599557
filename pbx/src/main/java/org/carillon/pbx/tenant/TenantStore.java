package org.carillon.pbx.tenant;

import org.carillon.platform.account.AccountStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** SQL for {@code tenant}. */
@Repository
public class TenantStore {
    private final JdbcClient jdbc;
    private final Clock clock;

    public TenantStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public List<Tenant> all() {
        return jdbc.sql("SELECT id, name, sip_domain, time_zone FROM tenant ORDER BY id")
                .query((rs, n) -> new Tenant(rs.getLong(1), rs.getString(2), rs.getString(3), ZoneId.of(rs.getString(4))))
                .list();
    }

    public Optional<Tenant> first() {
        return all().stream().findFirst();
    }

    public void create(String name, String sipDomain, ZoneId zone) {
        jdbc.sql("INSERT INTO tenant (name, sip_domain, time_zone, created_at) VALUES (?, ?, ?, ?)")
                .params(name, sipDomain, zone.getId(), AccountStore.utc(clock.instant())).update();
    }

    public void updateTimeZone(long id, ZoneId zone) {
        jdbc.sql("UPDATE tenant SET time_zone = ? WHERE id = ?").params(zone.getId(), id).update();
    }
}
