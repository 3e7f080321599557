package org.carillon.pbx.audit;

import jakarta.servlet.http.HttpServletResponse;
import org.carillon.pbx.access.Allowed;
import org.carillon.pbx.access.Permission;
import org.carillon.pbx.tenant.TenantDirectory;
import org.carillon.platform.web.ApiProblem;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v1/audit}: the audit log, newest first, filtered by {@code actor}, {@code objectType},
 * {@code objectId}, {@code from}, {@code to}; paged ({@code page}, {@code size} up to 1000); {@code format=csv} for
 * the same as CSV. Owner and Manager.
 */
@RestController
@RequestMapping("/api/v1/audit")
@Allowed(Permission.AUDIT)
public class AuditApiController {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final AuditStore store;
    private final TenantDirectory tenants;

    public AuditApiController(AuditStore store, TenantDirectory tenants) {
        this.store = store;
        this.tenants = tenants;
    }

    /** One entry; {@code before}/{@code after} are the object's fields (secrets masked) or null. */
    public record EntryView(long id, Instant occurredAt, String actor, String action, String objectType,
                            String objectId, String detail, String source, JsonNode before, JsonNode after) {
    }

    /** A page of entries. */
    public record PageView(List<EntryView> items, long total, int page, int size) {
    }

    @GetMapping
    public PageView list(@RequestParam Map<String, String> params, @RequestParam(defaultValue = "0") int page,
                         @RequestParam(defaultValue = "50") int size) {
        var q = AuditFilter.of(params).query(tenants.current().timeZone(), page, size);
        var found = store.search(q);
        return new PageView(found.entries().stream().map(AuditApiController::view).toList(), found.total(), q.page(),
                q.size());
    }

    @GetMapping(params = "format=csv")
    public void csv(@RequestParam Map<String, String> params, @RequestParam(defaultValue = "0") int page,
                    @RequestParam(defaultValue = "1000") int size, HttpServletResponse response) throws IOException {
        var q = AuditFilter.of(params).query(tenants.current().timeZone(), page, size);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"audit.csv\"");
        response.getWriter().write(AuditCsv.write(store.search(q).entries()));
    }

    private static EntryView view(AuditEntry e) {
        return new EntryView(e.id(), e.occurredAt(), e.actor(), e.action(), e.objectType(), e.objectId(), e.detail(),
                e.source(), e.before().map(JSON::readTree).orElse(null), e.after().map(JSON::readTree).orElse(null));
    }

    @ExceptionHandler(InvalidAuditFilterException.class)
    public ProblemDetail invalid(InvalidAuditFilterException e) {
        return ApiProblem.validation(e.errors());
    }
}
