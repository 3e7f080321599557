package org.carillon.portal.activation;

import org.carillon.portal.access.Allowed;
import org.carillon.portal.access.Permission;
import org.carillon.portal.access.Viewer;
import org.carillon.portal.license.LicenseService;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.nio.charset.StandardCharsets;

/**
 * Offline activation (issue 9): an owner or technical user pastes the request code a PBX without internet shows,
 * and downloads a license file bound to that installation, valid to the end of the subscription plus grace.
 * Another customer's license answers 404.
 */
@Controller
@Allowed(Permission.LICENSE_MANAGE)
public class OfflineActivationController {
    private final LicenseService licenses;
    private final ActivationService activations;

    public OfflineActivationController(LicenseService licenses, ActivationService activations) {
        this.licenses = licenses;
        this.activations = activations;
    }

    @GetMapping("/licenses/{id}/offline")
    public String form(@PathVariable long id, Viewer me, Model model) {
        model.addAttribute("license", licenses.require(me.customer(), id));
        model.addAttribute("active", "licenses");
        return "portal/activation/offline";
    }

    @PostMapping("/licenses/{id}/offline")
    public Object issue(@PathVariable long id, @RequestParam(defaultValue = "") String requestCode, Viewer me,
                        Model model) {
        var license = licenses.require(me.customer(), id);
        try {
            IssuedFile file = activations.activateOffline(license, requestCode, me.email());
            return ResponseEntity.ok()
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                            .filename("carillon-" + file.licenseId() + ".lic").build().toString())
                    .contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
                    .body(file.license());
        } catch (ActivationRefusedException e) {
            model.addAttribute("license", license);
            model.addAttribute("requestCode", requestCode);
            model.addAttribute("codeError", e.getMessage());
            model.addAttribute("active", "licenses");
            return "portal/activation/offline";
        }
    }
}
