package org.carillon.pbx.directory;

import org.carillon.pbx.extension.DeviceDirectory;
import org.carillon.pbx.extension.Extension;
import org.carillon.pbx.extension.ExtensionNotFoundException;
import org.carillon.pbx.extension.ExtensionService;
import org.carillon.pbx.presence.ExtensionState;
import org.carillon.pbx.presence.PresenceService;
import org.carillon.pbx.team.Team;
import org.carillon.pbx.team.TeamService;
import org.carillon.pbx.tenant.Tenant;
import org.springframework.stereotype.Service;

import java.util.Comparator;
import java.util.List;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The team directory every user has: the tenant's extensions with name, number and live state, searchable by name or
 * number or narrowed to one team's members, each user's favourites first.
 *
 * <p>Threads: thread-safe.
 */
@Service
public class DirectoryService {
    private final ExtensionService extensions;
    private final PresenceService presence;
    private final FavouriteStore favourites;
    private final DeviceDirectory devices;
    private final TeamService teams;

    public DirectoryService(ExtensionService extensions, PresenceService presence, FavouriteStore favourites,
                            DeviceDirectory devices, TeamService teams) {
        this.extensions = extensions;
        this.presence = presence;
        this.favourites = favourites;
        this.devices = devices;
        this.teams = teams;
    }

    /** The tenant's teams, by number: what the directory can be narrowed to. */
    public List<Team> teams(Tenant tenant) {
        return teams.list(tenant.id()).stream().sorted(Comparator.comparing(Team::number)).toList();
    }

    /**
     * Members matching {@code query} (part of a name or number, case-insensitive; empty: everyone), favourites first,
     * then by number.
     */
    public List<Member> members(Tenant tenant, long accountId, String query, boolean favouritesOnly) {
        return members(tenant, accountId, query, favouritesOnly, "");
    }

    /**
     * Like {@link #members(Tenant, long, String, boolean)}, narrowed to the members of team {@code team} (its number;
     * empty: every extension).
     *
     * @throws UnknownTeamException when the tenant has no team {@code team}
     */
    public List<Member> members(Tenant tenant, long accountId, String query, boolean favouritesOnly, String team) {
        // the page's SQL search, unbounded: one set of search rules for the page and the API
        return page(tenant, accountId, query, favouritesOnly, team, 0, Integer.MAX_VALUE).members();
    }

    /**
     * One page of the directory.
     *
     * @param page  the page shown, from 0 (the one asked for, clamped to those there are)
     * @param total how many members match in all
     */
    public record Page(List<Member> members, int page, long total) {
    }

    /**
     * Like {@link #members(Tenant, long, String, boolean, String)}, page {@code page} (from 0; clamped) of
     * {@code size} members, searched, ordered and cut in SQL.
     *
     * @throws UnknownTeamException when the tenant has no team {@code team}
     */
    public Page page(Tenant tenant, long accountId, String query, boolean favouritesOnly, String team, int page,
                     int size) {
        String q = query == null ? "" : query.strip();
        Set<String> stars = favourites.of(tenant.id(), accountId);
        Optional<Set<String>> only = team == null || team.isBlank() ? Optional.empty()
                : Optional.of(teams.find(tenant.id(), team.strip()).map(t -> (Set<String>) new HashSet<>(t.members()))
                .orElseThrow(() -> new UnknownTeamException(team.strip())));
        if (favouritesOnly) {
            Set<String> narrowed = new HashSet<>(stars);
            only.ifPresent(narrowed::retainAll);
            only = Optional.of(narrowed);
        }
        long total = extensions.directoryCount(tenant, q, only);
        int shown = (int) Math.clamp(page, 0, Math.max(0, (total - 1) / size));
        List<Member> members = extensions.directoryPage(tenant, q, only, stars, shown * size, size).stream()
                .map(e -> member(tenant, e, stars.contains(e.number()))).toList();
        return new Page(members, shown, total);
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
