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

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes the PBX's audit log: every change made through the admin pages or the API, with the object's state before
 * and after. Secrets never reach it: a state's field whose name says password, PIN, secret, token, key or hash is
 * stored as {@value #MASK} (or empty when it was empty; a yes/no value is kept, it cannot be a secret), so the log
 * shows that it changed, not what it is. Entries are only ever inserted, in the caller's transaction, so a
 * rolled-back change leaves no line. Features describe their objects with {@link #state} and record updates with
 * {@link #recordChange}, which keeps only the fields that changed.
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
    private static final Set<String> INTERNAL = Set.of("id", "tenantId", "extensionId");
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

    /**
     * Records a change with who and where named by the caller, keeping only what it changed: when there is both a
     * before and an after, fields equal in both are left out of each (a field that appears or disappears stays), so
     * a one-field edit of a large object is a one-field line. A change of nothing is still recorded, as an attempt.
     */
    public void recordChange(String actor, String source, String action, String objectType, String objectId,
                             String detail, Map<String, ?> before, Map<String, ?> after) {
        Change c = changed(before, after);
        record(actor, source, action, objectType, objectId, detail, c.before(), c.after());
    }

    /** The fields of a change as {@link #recordChange} stores them. */
    record Change(Map<String, ?> before, Map<String, ?> after) {
    }

    /** Leaves out of both sides the fields equal in both; a creation or deletion (one side empty) stays whole. */
    static Change changed(Map<String, ?> before, Map<String, ?> after) {
        if (before.isEmpty() || after.isEmpty()) {
            return new Change(before, after);
        }
        Map<String, Object> b = new LinkedHashMap<>();
        Map<String, Object> a = new LinkedHashMap<>();
        before.forEach((k, v) -> {
            if (!after.containsKey(k) || !Objects.equals(plain(v), plain(after.get(k)))) {
                b.put(k, v);
            }
        });
        after.forEach((k, v) -> {
            if (!before.containsKey(k) || !Objects.equals(plain(before.get(k)), plain(v))) {
                a.put(k, v);
            }
        });
        return new Change(b, a);
    }

    /**
     * An object's state for the log: a record's components by name, in declaration order, as plain values (enums
     * in lower snake case, optionals unwrapped, nested records as maps, lists element-wise, anything else by its
     * text), without the database ids ({@code id}, {@code tenantId}, {@code extensionId}, which say nothing to a
     * reader). Secrets are masked later, by field name, when the state is stored.
     */
    public static Map<String, Object> state(Record value) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (RecordComponent c : value.getClass().getRecordComponents()) {
            if (INTERNAL.contains(c.getName())) {
                continue;
            }
            try {
                Method accessor = c.getAccessor();
                accessor.setAccessible(true);
                out.put(c.getName(), plain(accessor.invoke(value)));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + c.getName() + " of " + value.getClass(), e);
            }
        }
        return out;
    }

    /** A value as the log stores it (see {@link #state}). */
    public static Object plain(Object v) {
        return switch (v) {
            case null -> null;
            case Optional<?> o -> plain(o.orElse(null));
            case String s -> s;
            case Number n -> n;
            case Boolean b -> b;
            case Enum<?> e -> e.name().toLowerCase(Locale.ROOT);
            case Record r -> state(r);
            case Collection<?> c -> c.stream().map(AuditTrail::plain).toList();
            case Map<?, ?> m -> {
                Map<String, Object> out = new LinkedHashMap<>();
                m.forEach((k, x) -> out.put(String.valueOf(plain(k)), plain(x)));
                yield out;
            }
            default -> v.toString();
        };
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
        state.forEach((k, v) -> masked.put(k, secret(k) ? maskOf(plain(v)) : plain(v)));
        return Optional.of(JSON.writeValueAsString(masked));
    }

    static boolean secret(String field) {
        return SECRET.matcher(field).matches();
    }

    /** A yes/no is never a secret ({@code skipPinOnOwnDevice} says how, not what), so it is kept. */
    private static Object maskOf(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        return value == null || value.toString().isEmpty() ? "" : MASK;
    }
}
