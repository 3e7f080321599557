package org.carillon.portal.activation;

import org.carillon.platform.account.AccountStore;
import org.carillon.portal.access.Allowed;
import org.carillon.portal.access.Permission;
import org.carillon.portal.access.Viewer;
import org.carillon.portal.download.DownloadShelf;
import org.carillon.portal.license.License;
import org.carillon.portal.license.LicenseService;
import org.carillon.portal.license.LicenseStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * <em>Set up</em> (SPEC §3): after purchase, an owner or technical user records the extension count, country,
 * language and prompt set; the page then shows the server requirements, the activation key and the PBX downloads.
 */
@Controller
@Allowed(Permission.LICENSE_MANAGE)
public class LicenseSetupController {
    private final LicenseService licenses;
    private final LicenseStore store;
    private final DownloadShelf downloads;
    private final JdbcClient jdbc;
    private final Clock clock;

    public LicenseSetupController(LicenseService licenses, LicenseStore store, DownloadShelf downloads, JdbcClient jdbc,
                                  Clock clock) {
        this.licenses = licenses;
        this.store = store;
        this.downloads = downloads;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @GetMapping("/licenses/{id}/setup")
    public String page(@PathVariable long id, Viewer me, Model model) {
        License license = licenses.require(me.customer(), id);
        Optional<LicenseSetup> saved = find(id);
        model.addAttribute("license", license);
        model.addAttribute("setup", saved.orElse(new LicenseSetup(license.extensions(), "", "en", "en-US")));
        model.addAttribute("done", saved.isPresent());
        return render(model);
    }

    @PostMapping("/licenses/{id}/setup")
    @Transactional
    public String save(@PathVariable long id, @RequestParam(defaultValue = "0") String extensions,
                       @RequestParam(defaultValue = "") String country, @RequestParam(defaultValue = "") String language,
                       @RequestParam(defaultValue = "") String promptSet, Viewer me, Model model) {
        License license = licenses.require(me.customer(), id);
        Map<String, String> errors = new LinkedHashMap<>();
        int count = 0;
        try {
            count = Integer.parseInt(extensions.strip());
        } catch (NumberFormatException e) {
            errors.put("extensions", "Enter a whole number.");
        }
        if (!errors.containsKey("extensions") && (count < 1 || count > license.extensions())) {
            errors.put("extensions", "Between 1 and " + license.extensions() + ", the extensions of this license.");
        }
        if (!LicenseSetup.COUNTRIES.containsKey(country)) {
            errors.put("country", "Choose the country the PBX serves.");
        }
        if (!LicenseSetup.LANGUAGES.containsKey(language)) {
            errors.put("language", "Choose a language.");
        }
        if (!LicenseSetup.PROMPT_SETS.containsKey(promptSet)) {
            errors.put("promptSet", "Choose a prompt set.");
        }
        LicenseSetup setup = new LicenseSetup(count, country, language, promptSet);
        model.addAttribute("license", license);
        model.addAttribute("setup", setup);
        if (!errors.isEmpty()) {
            model.addAttribute("errors", errors);
            model.addAttribute("done", false);
            return render(model);
        }
        var now = AccountStore.utc(clock.instant());
        if (jdbc.sql("""
                UPDATE license_setup SET extensions = ?, country = ?, language = ?, prompt_set = ?, set_up_by = ?,
                set_up_at = ? WHERE license_id = ?""")
                .params(count, country, language, promptSet, me.email(), now, id).update() == 0) {
            jdbc.sql("""
                    INSERT INTO license_setup (license_id, extensions, country, language, prompt_set, set_up_by, set_up_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""").params(id, count, country, language, promptSet, me.email(), now).update();
        }
        store.event(id, "set up", count + " extensions, " + country + ", " + language + ", prompts " + promptSet,
                clock.instant());
        model.addAttribute("done", true);
        model.addAttribute("saved", true);
        return render(model);
    }

    private String render(Model model) {
        model.addAttribute("countries", LicenseSetup.COUNTRIES);
        model.addAttribute("languages", LicenseSetup.LANGUAGES);
        model.addAttribute("promptSets", LicenseSetup.PROMPT_SETS);
        model.addAttribute("downloads", downloads.packages());
        model.addAttribute("active", "licenses");
        return "portal/activation/setup";
    }

    private Optional<LicenseSetup> find(long licenseId) {
        return jdbc.sql("SELECT extensions, country, language, prompt_set FROM license_setup WHERE license_id = ?")
                .param(licenseId)
                .query((rs, n) -> new LicenseSetup(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .optional();
    }
}
