package org.carillon.pbx.directory;

import org.carillon.pbx.extension.DeviceDirectory;
import org.carillon.pbx.extension.Extension;
import org.carillon.pbx.extension.ExtensionNotFoundException;
import org.carillon.pbx.extension.ExtensionService;
import org.carillon.pbx.presence.ExtensionState;
import org.carillon.pbx.presence.PresenceService;
import org.carillon.pbx.tenant.Tenant;
import org.springframework.stereotype.Service;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The team directory every user has: the tenant's extensions with name, number and live state, searchable by name or
 * number, each user's favourites first. Teams arrive with the teams feature; the filter will use them.
 *
 * <p>Threads: thread-safe.
 */
@Service
public class DirectoryService {
    private final ExtensionService extensions;
    private final PresenceService presence;
    private final FavouriteStore favourites;
    private final DeviceDirectory devices;

    public DirectoryService(ExtensionService extensions, PresenceService presence, FavouriteStore favourites,
                            DeviceDirectory devices) {
        this.extensions = extensions;
        this.presence = presence;
        this.favourites = favourites;
        this.devices = devices;
    }

    /**
     * Members matching {@code query} (part of a name or number, case-insensitive; empty: everyone), favourites first,
     * then by number.
     */
    public List<Member> members(Tenant tenant, long accountId, String query, boolean favouritesOnly) {
        String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        Set<String> stars = favourites.of(tenant.id(), accountId);
        return extensions.directory(tenant).stream()
                .filter(e -> q.isEmpty() || e.number().contains(q)
                        || (e.firstName() + " " + e.lastName()).toLowerCase(Locale.ROOT).contains(q))
                .filter(e -> !favouritesOnly || stars.contains(e.number()))
                .map(e -> member(tenant, e, stars.contains(e.number())))
                .sorted(Comparator.comparing((Member m) -> !m.favourite()).thenComparing(Member::number))
                .toList();
    }

    private Member member(Tenant tenant, Extension e, boolean favourite) {
        ExtensionState s = presence.state(tenant.id(), e.number());
        return new Member(e.number(), e.firstName(), e.lastName(), s, s.label(), favourite);
    }

    /** Stars or un-stars a colleague. @throws ExtensionNotFoundException for a number that is no extension */
    public boolean favourite(Tenant tenant, long accountId, String number, boolean on) {
        if (devices.findByNumber(tenant.id(), number).isEmpty()) { // in memory: not the whole tenant's rows
            throw new ExtensionNotFoundException(number);
        }
        if (on) {
            favourites.add(tenant.id(), accountId, number);
            return true;
        }
        return favourites.remove(tenant.id(), accountId, number);
    }
}
