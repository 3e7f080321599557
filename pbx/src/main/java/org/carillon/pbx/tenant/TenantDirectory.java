package org.carillon.pbx.tenant;

import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * Which tenant a web user or a SIP request belongs to. Today there is one tenant (the default); the web side asks
 * {@link #current()}, the SIP side {@link #forDomain(String)}, so multi-tenancy changes only this class.
 *
 * <p>Threads: thread-safe; the tenant list is cached after first use (tenants are created at start only).
 */
@Component
public class TenantDirectory {
    private final TenantStore store;
    private volatile List<Tenant> cached;

    public TenantDirectory(TenantStore store) {
        this.store = store;
    }

    private List<Tenant> tenants() {
        List<Tenant> t = cached;
        if (t == null || t.isEmpty()) {
            t = store.all();
            cached = t;
        }
        return t;
    }

    /** The tenant of the signed-in web user (the default tenant while there is only one). */
    public Tenant current() {
        return tenants().stream().findFirst().orElseThrow(() -> new IllegalStateException("no tenant yet"));
    }

    public Optional<Tenant> findById(long id) {
        return tenants().stream().filter(t -> t.id() == id).findFirst();
    }

    /**
     * The tenant a request-URI or To host names: its SIP domain, or — while there is a single tenant — that tenant
     * for any host (phones often register to the PBX's IP address).
     */
    public Optional<Tenant> forDomain(String host) {
        List<Tenant> all = tenants();
        for (Tenant t : all) {
            if (t.sipDomain().equalsIgnoreCase(host)) {
                return Optional.of(t);
            }
        }
        return all.size() == 1 ? Optional.of(all.getFirst()) : Optional.empty();
    }

    /** Sets the IANA time zone the tenant's schedules are evaluated in. */
    public void changeTimeZone(long id, java.time.ZoneId zone) {
        store.updateTimeZone(id, zone);
        cached = null;
    }
}
