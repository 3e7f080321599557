package org.carillon.pbx.license;

import org.carillon.pbx.access.Allowed;
import org.carillon.pbx.access.Permission;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Settings ▸ License: the Owner sees the state and installs a file (pasted or uploaded). */
@Controller
@Allowed(Permission.LICENSES)
public class LicenseController {
    private static final int MAX_FILE_BYTES = 64 * 1024;
    private final LicenseService licenses;
    private final LicenseActivation activation;
    private final PortalClient portal;

    public LicenseController(LicenseService licenses, LicenseActivation activation, PortalClient portal) {
        this.licenses = licenses;
        this.activation = activation;
        this.portal = portal;
    }

    @GetMapping("/settings/license")
    public String page(Model model) {
        model.addAttribute("license", licenses.view());
        model.addAttribute("requestCode", licenses.requestCode());
        model.addAttribute("devTrusted", licenses.developmentLicensesTrusted());
        model.addAttribute("activationKey", activation.maskedKey().orElse(null));
        model.addAttribute("refreshError", activation.lastError().orElse(null));
        model.addAttribute("portalUrl", portal.portalUrl());
        model.addAttribute("active", "license");
        return "pbx/license";
    }

    @PostMapping("/settings/license")
    public String install(@RequestParam(defaultValue = "") String text,
                          @RequestParam(name = "file", required = false) MultipartFile file,
                          Authentication who, Model model, RedirectAttributes redirect) throws IOException {
        String content = text;
        if (file != null && !file.isEmpty()) {
            if (file.getSize() > MAX_FILE_BYTES) {
                return error(model, "The file is too large to be a license file.");
            }
            content = new String(file.getBytes(), StandardCharsets.UTF_8);
        }
        if (content.isBlank()) {
            return error(model, "Paste the license file or choose it.");
        }
        try {
            licenses.install(content, who.getName());
        } catch (LicenseInstallException e) {
            return error(model, e.getMessage());
        }
        redirect.addFlashAttribute("installed", true);
        return "redirect:/settings/license";
    }

    @PostMapping("/settings/license/activate")
    public String activate(@RequestParam(defaultValue = "") String key, Authentication who, Model model,
                           RedirectAttributes redirect) {
        if (key.isBlank()) {
            model.addAttribute("keyError", "Enter the activation key from the customer portal.");
            return page(model);
        }
        try {
            activation.activate(key, who.getName());
        } catch (LicenseInstallException e) {
            model.addAttribute("keyError", e.getMessage());
            model.addAttribute("key", key);
            return page(model);
        }
        redirect.addFlashAttribute("installed", true);
        return "redirect:/settings/license";
    }

    private String error(Model model, String message) {
        model.addAttribute("fileError", message);
        return page(model);
    }
}
