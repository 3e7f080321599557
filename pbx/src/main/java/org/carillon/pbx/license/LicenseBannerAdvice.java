package org.carillon.pbx.license;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import java.util.Optional;

/** Puts the license banner (grace, restricted, development) on every page of the PBX. */
@ControllerAdvice(annotations = Controller.class)
public class LicenseBannerAdvice {
    private final LicenseService licenses;

    public LicenseBannerAdvice(LicenseService licenses) {
        this.licenses = licenses;
    }

    @ModelAttribute("licenseBanner")
    public Optional<String> licenseBanner() {
        return licenses.view().banner();
    }
}
