package org.carillon.pbx.security;

import org.carillon.pbx.paging.ListPage;
import org.carillon.pbx.access.Allowed;
import org.carillon.pbx.access.Permission;
import jakarta.servlet.http.HttpServletRequest;
import org.carillon.pbx.audit.AuditTrail;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;

/** Settings ▸ Security: the SIP sources banned for failed authentications, each liftable. Owner and Manager. */
@Controller
@Allowed(Permission.SECURITY)
public class BanPageController {
    private final SourceBans bans;
    private final SecurityGate gate;
    private final AuditTrail audit;

    public BanPageController(SourceBans bans, SecurityGate gate, AuditTrail audit) {
        this.bans = bans;
        this.gate = gate;
        this.audit = audit;
    }

    /** Bans on one page of the list. */

    /**
     * The page; the bans are searchable (part of the address, ignoring case) and paged like every list (SPEC §5).
     * Bans are held in memory by {@link SourceBans}, so they are filtered here, not in SQL.
     */
    @GetMapping("/security")
    public String page(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int page,
                       Model model) {
        String needle = q.strip().toLowerCase(java.util.Locale.ROOT);
        java.util.List<Ban> found = bans.bans().stream()
                .filter(b -> needle.isEmpty() || b.address().toLowerCase(java.util.Locale.ROOT).contains(needle))
                .toList();
        ListPage.of(found, page).addTo(model, "bans", q);
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
                audit.record(auth.getName(), request.getRemoteAddr(), "sip.ban.lift", "address", address, "",
                        Map.of("banned", true), Map.of("banned", false));
            }
            redirect.addFlashAttribute("notice", lifted ? "Ban on " + address + " lifted." : address + " was not banned.");
        } catch (UnknownHostException e) {
            redirect.addFlashAttribute("notice", "Not an IP address.");
        }
        return "redirect:/security";
    }
}
