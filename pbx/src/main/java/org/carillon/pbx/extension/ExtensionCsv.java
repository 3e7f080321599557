package org.carillon.pbx.extension;

import org.carillon.platform.web.CsvLines;
import org.carillon.pbx.access.Role;
import org.carillon.pbx.tenant.Tenant;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Bulk export and import of extensions (SPEC §2.1). Columns: {@code number,email,firstName,lastName,mobile,role}
 * (header row required on import, any order; {@code number} may be empty to take the next free one). Credentials
 * are never exported: each imported user receives them in the welcome email.
 */
@Component
public class ExtensionCsv {
    static final List<String> COLUMNS = List.of("number", "email", "firstName", "lastName", "mobile", "role");
    static final int MAX_ROWS = 20_000;
    private final ExtensionService service;
    private final ExtensionStore store;

    public ExtensionCsv(ExtensionService service, ExtensionStore store) {
        this.service = service;
        this.store = store;
    }

    /** The tenant's extensions as CSV, ordered by number. */
    public String export(Tenant tenant) {
        StringBuilder sb = new StringBuilder(CsvLines.line(COLUMNS));
        int offset = 0;
        while (true) {
            List<Extension> page = store.page(tenant.id(), "", offset, 1000);
            for (Extension e : page) {
                sb.append(CsvLines.line(List.of(e.number(), e.email(), e.firstName(), e.lastName(), e.mobile(),
                        e.role().wire())));
            }
            if (page.size() < 1000) {
                return sb.toString();
            }
            offset += 1000;
        }
    }

    /** The result of an import: numbers created, and the problems of each refused line (1-based, header = 1). */
    public record ImportResult(List<String> created, Map<Integer, String> problems) {
    }

    /** Imports every valid line; invalid lines are reported and skipped. */
    public ImportResult importCsv(Tenant tenant, String text, Actor actor) {
        List<List<String>> rows;
        try {
            rows = Csv.parse(text);
        } catch (IllegalArgumentException e) {
            return new ImportResult(List.of(), Map.of(1, e.getMessage()));
        }
        if (rows.isEmpty()) {
            return new ImportResult(List.of(), Map.of(1, "the file is empty"));
        }
        Map<String, Integer> index = new HashMap<>();
        List<String> header = rows.getFirst();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip();
            int column = i;
            COLUMNS.stream().filter(c -> c.equalsIgnoreCase(name)).findFirst()
                    .ifPresent(c -> index.putIfAbsent(c, column));
        }
        if (!index.containsKey("email")) {
            return new ImportResult(List.of(), Map.of(1, "the header row needs at least an email column"));
        }
        if (rows.size() - 1 > MAX_ROWS) {
            return new ImportResult(List.of(), Map.of(1, "more than " + MAX_ROWS + " lines"));
        }
        List<String> created = new ArrayList<>();
        Map<Integer, String> problems = new java.util.TreeMap<>();
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            String roleText = cell(row, index, "role");
            Optional<Role> role = roleText.isBlank() ? Optional.empty() : Role.find(roleText);
            if (!roleText.isBlank() && role.isEmpty()) {
                problems.put(r + 1, "role: is not one of owner, manager, supervisor, agent");
                continue;
            }
            String number = cell(row, index, "number");
            var input = new ExtensionInput(cell(row, index, "email"), cell(row, index, "firstName"),
                    cell(row, index, "lastName"), cell(row, index, "mobile"), role,
                    number.isBlank() ? Optional.empty() : Optional.of(number.strip()));
            try {
                created.add(service.create(tenant, input, actor).extension().number());
            } catch (InvalidExtensionException e) {
                problems.put(r + 1, String.join("; ", e.errors().stream()
                        .map(p -> p.field() + ": " + p.message()).toList()));
            } catch (ExtensionForbiddenException | org.carillon.pbx.license.LicenseLimitException e) {
                problems.put(r + 1, e.getMessage());
            }
        }
        return new ImportResult(created, problems);
    }

    private static String cell(List<String> row, Map<String, Integer> index, String column) {
        Integer i = index.get(column);
        if (i == null || i < 0 || i >= row.size()) {
            return "";
        }
        String v = row.get(i).strip();
        // undo the export's formula guard
        return v.length() > 1 && v.charAt(0) == '\'' && "=+-@".indexOf(v.charAt(1)) >= 0 ? v.substring(1) : v;
    }
}
