package org.carillon.pbx.tenant;

import org.carillon.platform.settings.InvalidSettingException;
import org.carillon.platform.settings.Settings;
import org.springframework.stereotype.Component;

/**
 * Whether this PBX serves one company or many ({@code CARILLON_TENANCY}: {@code single} or {@code multi}); the
 * portal's multi-tenant package is preconfigured with {@code multi}. Every table already carries the tenant id.
 */
@Component
public class TenancyMode {
    private final boolean multi;

    public TenancyMode(Settings settings) {
        String mode = settings.string("CARILLON_TENANCY", "single");
        this.multi = switch (mode) {
            case "single" -> false;
            case "multi" -> true;
            default -> throw new InvalidSettingException("CARILLON_TENANCY", "'" + mode + "' must be single or multi");
        };
    }

    public boolean multi() {
        return multi;
    }

    /** For display: {@code single-tenant} or {@code multi-tenant}. */
    public String label() {
        return multi ? "multi-tenant" : "single-tenant";
    }
}
