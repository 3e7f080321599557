package org.carillon.portal.guide;

import org.carillon.portal.access.Allowed;
import org.carillon.portal.access.Permission;
import org.carillon.portal.access.PortalRole;
import org.carillon.portal.download.DownloadShelf;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.util.Arrays;
import java.util.List;

/**
 * The help guides linked from the dashboard's quick links: installing the downloaded PBX package, activating a
 * license, buying, invoices, and what each sub-account role may do. The roles table is built from {@link Permission},
 * so it always says what the portal enforces.
 */
@Controller
@Allowed(Permission.SIGNED_IN)
public class GuideController {
    /** The customer roles, in the order the table shows them. */
    static final List<PortalRole> ROLES = Arrays.stream(PortalRole.values()).filter(r -> r != PortalRole.STAFF).toList();

    private final DownloadShelf shelf;

    public GuideController(DownloadShelf shelf) {
        this.shelf = shelf;
    }

    @GetMapping("/guides")
    public String guides(Model model) {
        model.addAttribute("downloads", shelf.packages());
        model.addAttribute("roles", ROLES);
        model.addAttribute("rights", Arrays.stream(Permission.values()).filter(GuideController::customerRight)
                .map(p -> new Right(p.summary(), ROLES.stream().map(p::grants).toList())).toList());
        model.addAttribute("active", "guides");
        return "portal/guides";
    }

    private static boolean customerRight(Permission p) {
        return p != Permission.SIGNED_IN && ROLES.stream().anyMatch(p::grants);
    }

    /** One row of the roles table: what the right allows, and for each of {@link #ROLES} whether it has it. */
    public record Right(String summary, List<Boolean> granted) {
    }
}
