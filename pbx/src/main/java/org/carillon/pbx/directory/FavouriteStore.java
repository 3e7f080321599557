package org.carillon.pbx.directory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.HashSet;
import java.util.Set;

/** SQL for {@code directory_favourite}. Every query names the tenant and the account. */
@Component
class FavouriteStore {
    private final JdbcClient jdbc;

    FavouriteStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Set<String> of(long tenantId, long accountId) {
        return new HashSet<>(jdbc.sql("SELECT number FROM directory_favourite WHERE tenant_id = ? AND account_id = ?")
                .params(tenantId, accountId).query(String.class).list());
    }

    void add(long tenantId, long accountId, String number) {
        jdbc.sql("DELETE FROM directory_favourite WHERE tenant_id = ? AND account_id = ? AND number = ?")
                .params(tenantId, accountId, number).update();
        jdbc.sql("INSERT INTO directory_favourite (tenant_id, account_id, number) VALUES (?, ?, ?)")
                .params(tenantId, accountId, number).update();
    }

    boolean remove(long tenantId, long accountId, String number) {
        return jdbc.sql("DELETE FROM directory_favourite WHERE tenant_id = ? AND account_id = ? AND number = ?")
                .params(tenantId, accountId, number).update() > 0;
    }
}
