package org.carillon.pbx.mfa;

import org.carillon.pbx.access.Allowed;
import org.carillon.pbx.access.Permission;
import org.carillon.platform.mfa.MfaPages;
import org.carillon.platform.mfa.MfaService;
import org.springframework.stereotype.Controller;

/** The PBX's two-step sign-in pages ({@link MfaPages}): /mfa/setup and /mfa/verify, for anyone signed in. */
@Controller
@Allowed(Permission.SIGNED_IN)
public class MfaController extends MfaPages {
    public MfaController(MfaService mfa, PbxMfaPolicy users) {
        super(mfa, users);
    }
}
