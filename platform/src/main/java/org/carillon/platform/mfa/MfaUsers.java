package org.carillon.platform.mfa;

import jakarta.servlet.http.HttpServletRequest;

import java.util.Optional;

/**
 * What an app tells two-step sign-in: who is signed in on a request and whether its policy makes them use a second
 * step (the portal: staff and owners; the PBX: Owners when {@code carillon.pbx.mfa.required}). One bean per app;
 * without one, {@link MfaConfiguration} adds no gate.
 */
public interface MfaUsers {
    /** The signed-in, enabled user of {@code request}; empty when signed out. */
    Optional<MfaUser> current(HttpServletRequest request);
}
