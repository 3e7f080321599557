package org.carillon.pbx.routing;

import org.carillon.pbx.access.Allowed;
import org.carillon.pbx.access.Permission;
import jakarta.servlet.http.HttpServletRequest;
import org.carillon.pbx.tenant.TenantDirectory;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.EnumMap;
import java.util.Map;

/** Feature codes (SPEC §5): one table of the tenant's dial codes, changed together, clashes shown beside the field. */
@Controller
@Allowed(Permission.FEATURE_CODES)
public class FeatureCodePageController {
    private final FeatureCodeService codes;
    private final TenantDirectory tenants;

    public FeatureCodePageController(FeatureCodeService codes, TenantDirectory tenants) {
        this.codes = codes;
        this.tenants = tenants;
    }

    @GetMapping("/feature-codes")
    public String page(Model model) {
        return render(model, codes.table(tenants.current().id()), Map.of());
    }

    @PostMapping("/feature-codes")
    public String save(@RequestParam MultiValueMap<String, String> form, Authentication auth,
                       HttpServletRequest request, Model model, RedirectAttributes redirect) {
        Map<Feature, String> changes = new EnumMap<>(Feature.class);
        for (Feature f : Feature.values()) {
            String v = form.getFirst(f.wire());
            if (v != null) {
                changes.put(f, v);
            }
        }
        try {
            codes.save(tenants.current().id(), changes, auth.getName(), request.getRemoteAddr());
        } catch (InvalidDialCodeException e) {
            Map<Feature, String> shown = codes.table(tenants.current().id());
            shown.putAll(changes);
            return render(model, shown, e.byField());
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:/feature-codes";
    }

    private String render(Model model, Map<Feature, String> table, Map<String, String> errors) {
        model.addAttribute("features", Feature.values());
        model.addAttribute("codes", table);
        model.addAttribute("errors", errors);
        model.addAttribute("active", "feature-codes");
        return "pbx/feature-codes";
    }
}
