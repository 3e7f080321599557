package org.carillon.portal.mfa;

import org.carillon.portal.access.PortalRole;
import org.carillon.portal.access.Viewer;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Who must use two-step sign-in: the vendor's staff and every customer's owner (issue 8), unless
 * {@code CARILLON_PORTAL_MFA_REQUIRED=false} (for a development machine). Anyone may turn it on for themselves.
 */
@Component
public class MfaPolicy {
    private volatile boolean required;

    public MfaPolicy(Environment environment) {
        this.required = environment.getProperty("carillon.portal.mfa.required", Boolean.class, true);
    }

    public boolean requiredFor(Viewer viewer) {
        return required && (viewer.role() == PortalRole.STAFF || viewer.role() == PortalRole.OWNER);
    }

    /** Switches the requirement at run time; for tests (like {@code LoginThrottle.reset()}) and an admin switch. */
    public void setRequired(boolean required) {
        this.required = required;
    }
}
