package org.carillon.pbx.access;

import java.util.EnumSet;
import java.util.Set;

import static org.carillon.pbx.access.Role.AGENT;
import static org.carillon.pbx.access.Role.MANAGER;
import static org.carillon.pbx.access.Role.OWNER;
import static org.carillon.pbx.access.Role.SUPERVISOR;

/**
 * The PBX's permission table (SPEC §2.9): what each role may do. Every page and API handler of the PBX names one of
 * these with {@link Allowed}; {@link AccessInterceptor} refuses a handler without one (fail closed) and a user whose
 * role is not in the permission's set (403). Which <em>object</em> a permitted user may touch is the service's
 * business: another user's extension is a 404 for an Agent, another tenant's for everyone.
 *
 * <p>docs/roles.md shows the table and how a new endpoint declares its permission.
 */
public enum Permission {
    /** Anyone signed in: the start page (which sends non-admins to their profile), who-am-I, the license state. */
    SIGNED_IN(EnumSet.allOf(Role.class)),
    /** The own profile: names, mobile, devices, web password; an Owner/Manager reaches every extension's. */
    OWN_PROFILE(EnumSet.allOf(Role.class)),
    /** The own call history and active calls; an Owner/Manager sees the whole tenant's. */
    OWN_CALLS(EnumSet.allOf(Role.class)),
    /** The own voicemail box and its settings. */
    OWN_VOICEMAIL(EnumSet.allOf(Role.class)),
    /** The own status (DND, break, agent login) and active call profile. */
    OWN_STATUS(EnumSet.allOf(Role.class)),
    /** The own speed dials and BLF keys. */
    OWN_KEYS(EnumSet.allOf(Role.class)),
    /** Creating, changing, deleting extensions, their SIP credentials, CSV import and export. */
    EXTENSIONS(EnumSet.of(OWNER, MANAGER)),
    /** Teams (ring groups, queues) and their members. */
    TEAMS(EnumSet.of(OWNER, MANAGER)),
    /** Office hours, schedules and holidays. */
    SCHEDULES(EnumSet.of(OWNER, MANAGER)),
    /** Call parking settings and slots. */
    PARKING(EnumSet.of(OWNER, MANAGER)),
    /** The system speed dial list. */
    SPEED_DIALS(EnumSet.of(OWNER, MANAGER)),
    /** The dial codes of the number plan. */
    FEATURE_CODES(EnumSet.of(OWNER, MANAGER)),
    /** The whole tenant's call history and active calls, hanging calls up. */
    CALLS(EnumSet.of(OWNER, MANAGER)),
    /** Reports (a Supervisor's limited to their teams by the report itself). */
    REPORTS(EnumSet.of(OWNER, MANAGER, SUPERVISOR)),
    /** Seeing and changing agents' states (logged in, break), the live wall. */
    AGENT_STATES(EnumSet.of(OWNER, MANAGER, SUPERVISOR)),
    /** The role board and role changes; only an Owner gives or takes Owner and Manager ({@code ExtensionService}). */
    ROLES(EnumSet.of(OWNER, MANAGER)),
    /** The audit log. */
    AUDIT(EnumSet.of(OWNER, MANAGER)),
    /** SIP security: bans, scanners, registrar counters. */
    SECURITY(EnumSet.of(OWNER, MANAGER)),
    /** Settings ▸ Mail server: the SMTP server, the outbox's state, test emails. */
    MAIL_SERVER(EnumSet.of(OWNER, MANAGER)),
    /** Installing and activating licenses. */
    LICENSES(EnumSet.of(OWNER)),
    /** Bearer tokens for scripts. */
    API_TOKENS(EnumSet.of(OWNER));

    private final Set<Role> roles;

    Permission(Set<Role> roles) {
        this.roles = Set.copyOf(roles);
    }

    public boolean grants(Role role) {
        return roles.contains(role);
    }

    /** The roles holding this permission. */
    public Set<Role> roles() {
        return roles;
    }
}
