package org.carillon.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The signed-in sessions of each user, so they can see and end them (SECURITY.md). Sessions are named by an opaque
 * handle (a hash of the session id), never by the id itself. Soft state: sessions do not survive a restart anyway.
 */
@Component
public class SessionDirectory {
    private final SessionRegistryImpl registry = new SessionRegistryImpl();
    private final Map<String, Seen> seen = new ConcurrentHashMap<>();

    private record Seen(String address, String userAgent) {
    }

    /** One session as its owner sees it. */
    public record UserSession(String handle, Instant lastRequest, String address, String userAgent, boolean current) {
    }

    /** Forgets where a session was used once the container destroys it (timeout, logout, revoke). */
    @org.springframework.context.event.EventListener
    public void destroyed(org.springframework.security.core.session.SessionDestroyedEvent event) {
        seen.remove(event.getId());
    }

    public SessionRegistry registry() {
        return registry;
    }

    /** Notes where a session is used from (called for signed-in page requests). */
    public void touch(HttpServletRequest request) {
        var session = request.getSession(false);
        if (session != null) {
            String ua = request.getHeader("User-Agent");
            seen.putIfAbsent(session.getId(), new Seen(request.getRemoteAddr(),
                    ua == null ? "" : ua.length() > 200 ? ua.substring(0, 200) : ua));
        }
    }

    /** The user's live sessions, newest activity first. */
    public List<UserSession> sessionsOf(String username, String currentSessionId) {
        return registry.getAllPrincipals().stream()
                .filter(p -> name(p).equalsIgnoreCase(username))
                .flatMap(p -> registry.getAllSessions(p, false).stream())
                .sorted(Comparator.comparing(SessionInformation::getLastRequest).reversed())
                .map(info -> {
                    Seen s = seen.getOrDefault(info.getSessionId(), new Seen("", ""));
                    return new UserSession(handle(info.getSessionId()), info.getLastRequest().toInstant(), s.address(),
                            s.userAgent(), info.getSessionId().equals(currentSessionId));
                })
                .toList();
    }

    /** Ends one of the user's sessions; false when the handle is not one of theirs. */
    public boolean revoke(String username, String handle) {
        Optional<SessionInformation> match = registry.getAllPrincipals().stream()
                .filter(p -> name(p).equalsIgnoreCase(username))
                .flatMap(p -> registry.getAllSessions(p, false).stream())
                .filter(info -> handle(info.getSessionId()).equals(handle))
                .findFirst();
        match.ifPresent(info -> {
            info.expireNow();
            seen.remove(info.getSessionId());
        });
        return match.isPresent();
    }

    /** Ends every session of a user (e.g. when an administrator disables them). */
    public void revokeAll(String username) {
        registry.getAllPrincipals().stream().filter(p -> name(p).equalsIgnoreCase(username))
                .flatMap(p -> registry.getAllSessions(p, false).stream())
                .forEach(SessionInformation::expireNow);
    }

    static String handle(String sessionId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(sessionId.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String name(Object principal) {
        return principal instanceof org.springframework.security.core.userdetails.UserDetails u ? u.getUsername()
                : String.valueOf(principal);
    }
}
