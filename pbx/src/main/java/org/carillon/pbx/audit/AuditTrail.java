package org.carillon.pbx.audit;

import jakarta.servlet.http.HttpServletRequest;
import org.carillon.platform.account.AccountStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Writes the PBX's audit log: every change made through the admin pages or the API, with the object's state before
 * and after. Secrets never reach it: a state's field whose name says password, PIN, secret, token or key is stored
 * as {@value #MASK} (or empty when it was empty), so the log shows that it changed, not what it is. Entries are
 * only ever inserted, in the caller's transaction, so a rolled-back change leaves no line.
 *
 * <p>Who and where come from the current request (signed-in account, client address) when the caller does not
 * name them; outside a request they are {@code system}. A change made with an API token says so in the detail (the
 * token acts as its Owner, who is the actor).
 *
 * <p>Threads: thread-safe.
 */
@Service
public class AuditTrail {
    /** What a secret field's value becomes. */
    public static final String MASK = "********";
    private static final Pattern SECRET = Pattern.compile("(?i).*(password|pin|secret|token|key|hash).*");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final JdbcClient jdbc;
    private final Clock clock;

    public AuditTrail(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Records a change by the current request's user.
     *
     * @param before the object's state before (empty map for a creation)
     * @param after  its state after (empty map for a deletion)
     */
    public void record(String action, String objectType, String objectId, Map<String, ?> before,
                       Map<String, ?> after) {
        record(currentActor(), currentSource(), action, objectType, objectId, "", before, after);
    }

    /** Records a change with who and where named by the caller (e.g. a scheduled refresh: {@code system}). */
    public void record(String actor, String source, String action, String objectType, String objectId,
                       String detail, Map<String, ?> before, Map<String, ?> after) {
        jdbc.sql("""
                INSERT INTO audit_event (occurred_at, actor, action, object_type, object_id, detail, source,
                    before_state, after_state)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(AccountStore.utc(clock.instant()), actor, action, objectType, objectId, how(detail), source,
                        json(before).orElse(null), json(after).orElse(null))
                .update();
    }

    /** The detail, with "via API token" added when the request came with a bearer token rather than a sign-in. */
    private static String how(String detail) {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        boolean token = auth != null && auth.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().startsWith("SCOPE_"));
        if (!token) {
            return detail;
        }
        return detail.isEmpty() ? "via API token" : detail + "; via API token";
    }

    /** The signed-in account of the current request, or {@code system}. */
    public static String currentActor() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || auth instanceof AnonymousAuthenticationToken ? "system" : auth.getName();
    }

    /** The client address of the current request, or {@code system}. */
    public static String currentSource() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs
                ? source(attrs.getRequest()) : "system";
    }

    private static String source(HttpServletRequest request) {
        return request.getRemoteAddr();
    }

    /** A state as stored: fields in the given order, secrets masked; empty for an empty state. */
    static Optional<String> json(Map<String, ?> state) {
        if (state.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> masked = new LinkedHashMap<>();
        state.forEach((k, v) -> masked.put(k, secret(k) ? maskOf(v) : v instanceof Optional<?> o ? o.orElse(null) : v));
        return Optional.of(JSON.writeValueAsString(masked));
    }

    static boolean secret(String field) {
        return SECRET.matcher(field).matches();
    }

    private static String maskOf(Object value) {
        return value == null || value.toString().isEmpty() ? "" : MASK;
    }
}
