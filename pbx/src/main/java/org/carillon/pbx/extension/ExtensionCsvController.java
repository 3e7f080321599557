package org.carillon.pbx.extension;

import org.carillon.pbx.access.Allowed;
import org.carillon.pbx.access.Permission;
import jakarta.servlet.http.HttpServletRequest;
import org.carillon.pbx.tenant.TenantDirectory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** CSV export and import pages of Accounts ▸ Extensions. Owner and Manager only. */
@Controller
@RequestMapping("/extensions")
@Allowed(Permission.EXTENSIONS)
public class ExtensionCsvController {
    static final long MAX_BYTES = 2 * 1024 * 1024;
    private final ExtensionCsv csv;
    private final TenantDirectory tenants;
    private final ActorResolver actors;

    public ExtensionCsvController(ExtensionCsv csv, TenantDirectory tenants, ActorResolver actors) {
        this.csv = csv;
        this.tenants = tenants;
        this.actors = actors;
    }

    @GetMapping("/export.csv")
    public ResponseEntity<String> export() {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"extensions.csv\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(csv.export(tenants.current()));
    }

    @GetMapping("/import")
    public String importForm(Model model) {
        model.addAttribute("active", "extensions");
        return "pbx/extensions/import";
    }

    @PostMapping("/import")
    public String importFile(@RequestParam(name = "file", required = false) MultipartFile file, Authentication auth,
                             HttpServletRequest request, Model model) throws IOException {
        model.addAttribute("active", "extensions");
        // a form posted without the file part (or not as multipart) is a missing file, not a server error
        if (file == null || file.isEmpty() || file.getSize() > MAX_BYTES) {
            model.addAttribute("fileError", file == null || file.isEmpty() ? "Choose a CSV file."
                    : "The file is larger than 2 MB.");
            return "pbx/extensions/import";
        }
        String text = new String(file.getBytes(), StandardCharsets.UTF_8);
        model.addAttribute("result", csv.importCsv(tenants.current(), text, actors.resolve(auth, request)));
        return "pbx/extensions/import";
    }
}
