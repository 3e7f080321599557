package org.carillon.portal.mfa;

import jakarta.servlet.http.HttpServletRequest;
import org.carillon.platform.mfa.MfaUser;
import org.carillon.platform.mfa.MfaUsers;
import org.carillon.portal.access.PortalRole;
import org.carillon.portal.access.Viewer;
import org.carillon.portal.access.ViewerLookup;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Who must use two-step sign-in: the vendor's staff and every customer's owner (issue 8), unless
 * {@code CARILLON_PORTAL_MFA_REQUIRED=false} (for a development machine). Anyone may turn it on for themselves. The
 * platform's two-step sign-in ({@code org.carillon.platform.mfa}) asks it who is signed in.
 */
@Component
public class MfaPolicy implements MfaUsers {
    private final ViewerLookup viewers;
    private volatile boolean required;

    public MfaPolicy(ViewerLookup viewers, Environment environment) {
        this.viewers = viewers;
        this.required = environment.getProperty("carillon.portal.mfa.required", Boolean.class, true);
    }

    public boolean requiredFor(Viewer viewer) {
        return required && (viewer.role() == PortalRole.STAFF || viewer.role() == PortalRole.OWNER);
    }

    @Override
    public Optional<MfaUser> current(HttpServletRequest request) {
        return viewers.current(request).map(v -> new MfaUser(v.accountId(), v.email(), requiredFor(v)));
    }

    /** Switches the requirement at run time; for tests (like {@code LoginThrottle.reset()}) and an admin switch. */
    public void setRequired(boolean required) {
        this.required = required;
    }
}
