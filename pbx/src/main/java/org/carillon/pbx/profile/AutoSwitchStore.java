package org.carillon.pbx.profile;

import org.carillon.platform.account.AccountStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;

/** SQL for {@code profile_auto_switch}. */
@Repository
class AutoSwitchStore {
    private final JdbcClient jdbc;

    AutoSwitchStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every extension's setting (all tenants), for the sweep. */
    List<AutoSwitch> all() {
        return jdbc.sql("SELECT a.extension_id, a.tenant_id, e.number, a.office_profile_id, a.outside_profile_id, "
                        + "a.last_phase FROM profile_auto_switch a JOIN extension e ON e.id = a.extension_id")
                .query((rs, n) -> new AutoSwitch(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4),
                        rs.getLong(5), AutoSwitch.Phase.find(rs.getString(6))))
                .list();
    }

    /** Turns the switch on (or replaces its profiles); the phase starts unknown so the next sweep applies one. */
    void save(AutoSwitch a, Instant now) {
        jdbc.sql("DELETE FROM profile_auto_switch WHERE extension_id = ?").param(a.extensionId()).update();
        jdbc.sql("INSERT INTO profile_auto_switch (extension_id, tenant_id, office_profile_id, outside_profile_id, "
                        + "last_phase, updated_at) VALUES (?, ?, ?, ?, NULL, ?)")
                .params(a.extensionId(), a.tenantId(), a.officeProfileId(), a.outsideProfileId(),
                        AccountStore.utc(now)).update();
    }

    void delete(long extensionId) {
        jdbc.sql("DELETE FROM profile_auto_switch WHERE extension_id = ?").param(extensionId).update();
    }

    void setPhase(long extensionId, AutoSwitch.Phase phase, Instant now) {
        jdbc.sql("UPDATE profile_auto_switch SET last_phase = ?, updated_at = ? WHERE extension_id = ?")
                .params(phase.wire(), AccountStore.utc(now), extensionId).update();
    }
}
