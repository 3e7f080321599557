package org.carillon.pbx.security;

import jakarta.servlet.http.HttpServletRequest;
import org.carillon.platform.audit.AuditLog;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Settings ▸ Security: the SIP sources banned for failed authentications, each liftable. Owner and Manager. */
@Controller
@PreAuthorize("hasAnyRole('OWNER', 'MANAGER')")
public class BanPageController {
    private final SourceBans bans;
    private final SecurityGate gate;
    private final AuditLog audit;

    public BanPageController(SourceBans bans, SecurityGate gate, AuditLog audit) {
        this.bans = bans;
        this.gate = gate;
        this.audit = audit;
    }

    @GetMapping("/security")
    public String page(Model model) {
        model.addAttribute("bans", bans.bans());
        model.addAttribute("scanners", gate.scannersRefused());
        model.addAttribute("refused", gate.bannedRefused());
        model.addAttribute("active", "security");
        return "pbx/security";
    }

    @PostMapping("/security/bans/lift")
    public String lift(@RequestParam String address, Authentication auth, HttpServletRequest request,
                       RedirectAttributes redirect) {
        // only IP literals: never resolve a name typed into a form
        if (!address.matches("[0-9a-fA-F:.]{2,45}")) {
            redirect.addFlashAttribute("notice", "Not an IP address.");
            return "redirect:/security";
        }
        try {
            boolean lifted = bans.lift(InetAddress.getByName(address));
            if (lifted) {
                audit.record(auth.getName(), "sip.ban.lift", "address", address, "", request.getRemoteAddr());
            }
            redirect.addFlashAttribute("notice", lifted ? "Ban on " + address + " lifted." : address + " was not banned.");
        } catch (UnknownHostException e) {
            redirect.addFlashAttribute("notice", "Not an IP address.");
        }
        return "redirect:/security";
    }
}
