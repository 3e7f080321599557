package org.carillon.pbx.tenant;

import org.carillon.platform.settings.Settings;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.time.ZoneId;

/**
 * Creates the default tenant on first start, with the SIP domain of {@code CARILLON_SIP_DOMAIN} and the machine's
 * time zone (changeable later in the admin).
 */
@Component
@Order(-1)
public class DefaultTenant implements ApplicationRunner {
    private final TenantStore tenants;
    private final Settings settings;

    public DefaultTenant(TenantStore tenants, Settings settings) {
        this.tenants = tenants;
        this.settings = settings;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (tenants.first().isEmpty()) {
            tenants.create("Default", settings.string("CARILLON_SIP_DOMAIN", "carillon.local"), ZoneId.systemDefault());
        }
    }
}
