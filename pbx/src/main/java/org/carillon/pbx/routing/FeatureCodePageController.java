package org.carillon.pbx.routing;

import org.carillon.pbx.paging.ListPage;
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

    /** Features on one page of the table. */

    /**
     * The table, searchable (feature name, its code or default, ignoring case) and paged like every list (SPEC §5);
     * the features are a fixed list, so they are filtered here. Saving sends only the rows shown, which is all the
     * service changes.
     */
    @GetMapping("/feature-codes")
    public String page(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int page,
                       Model model) {
        return render(model, codes.table(tenants.current().id()), Map.of(), q, page);
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
            return render(model, shown, e.byField(), "", 0);
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:/feature-codes";
    }

    private String render(Model model, Map<Feature, String> table, Map<String, String> errors, String q, int page) {
        String needle = q.strip().toLowerCase(java.util.Locale.ROOT);
        java.util.List<Feature> found = java.util.Arrays.stream(Feature.values())
                .filter(f -> needle.isEmpty() || f.label().toLowerCase(java.util.Locale.ROOT).contains(needle)
                        || table.getOrDefault(f, "").contains(needle) || f.defaultCode().contains(needle))
                .toList();
        ListPage.of(found, page).addTo(model, "features", q);
        model.addAttribute("codes", table);
        model.addAttribute("errors", errors);
        model.addAttribute("active", "feature-codes");
        return "pbx/feature-codes";
    }
}
