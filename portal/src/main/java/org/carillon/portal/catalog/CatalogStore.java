package org.carillon.portal.catalog;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Optional;

/** SQL for {@code catalog_edition} and {@code catalog_price}. */
@Repository
public class CatalogStore {
    private final JdbcClient jdbc;

    public CatalogStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Edition> editions() {
        return jdbc.sql("SELECT * FROM catalog_edition ORDER BY sort_order").query(CatalogStore::edition).list();
    }

    public Optional<Edition> findEdition(String code) {
        return jdbc.sql("SELECT * FROM catalog_edition WHERE code = ?").param(code).query(CatalogStore::edition)
                .optional();
    }

    public List<Price> prices() {
        return jdbc.sql("SELECT * FROM catalog_price ORDER BY edition_code, extensions").query(CatalogStore::price)
                .list();
    }

    public List<Price> prices(String editionCode) {
        return jdbc.sql("SELECT * FROM catalog_price WHERE edition_code = ? ORDER BY extensions").param(editionCode)
                .query(CatalogStore::price).list();
    }

    public Optional<Price> findPrice(String editionCode, int extensions) {
        return jdbc.sql("SELECT * FROM catalog_price WHERE edition_code = ? AND extensions = ?")
                .params(editionCode, extensions).query(CatalogStore::price).optional();
    }

    /** @return whether the price existed */
    public boolean updatePrice(String editionCode, int extensions, long yearlyMinor) {
        return jdbc.sql("UPDATE catalog_price SET yearly_minor = ? WHERE edition_code = ? AND extensions = ?")
                .params(yearlyMinor, editionCode, extensions).update() == 1;
    }

    public boolean setActive(String code, boolean active) {
        return jdbc.sql("UPDATE catalog_edition SET active = ? WHERE code = ?").params(active, code).update() == 1;
    }

    private static Edition edition(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Edition(rs.getString("code"), rs.getString("name"), rs.getBoolean("multi_tenant"),
                rs.getBoolean("discountable"), rs.getBoolean("carrier_only"), rs.getBoolean("active"),
                rs.getInt("sort_order"));
    }

    private static Price price(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Price(rs.getString("edition_code"), rs.getInt("extensions"), rs.getLong("yearly_minor"));
    }
}
