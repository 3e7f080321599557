package org.carillon.portal.mfa;

import org.carillon.platform.mfa.MfaPages;
import org.carillon.platform.mfa.MfaService;
import org.carillon.portal.access.Allowed;
import org.carillon.portal.access.Permission;
import org.springframework.stereotype.Controller;

/** The portal's two-step sign-in pages ({@link MfaPages}): /mfa/setup and /mfa/verify, for anyone signed in. */
@Controller
@Allowed(Permission.SIGNED_IN)
public class MfaController extends MfaPages {
    public MfaController(MfaService mfa, MfaPolicy users) {
        super(mfa, users);
    }
}
