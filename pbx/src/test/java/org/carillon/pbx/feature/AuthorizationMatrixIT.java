package org.carillon.pbx.feature;

import org.carillon.pbx.access.Allowed;
import org.carillon.pbx.access.Permission;
import org.carillon.pbx.access.Role;
import org.carillon.pbx.extension.Actor;
import org.carillon.pbx.extension.ExtensionInput;
import org.carillon.pbx.extension.ExtensionStore;
import org.carillon.pbx.tenant.Tenant;
import org.carillon.pbx.tenant.TenantDirectory;
import org.carillon.pbx.tenant.TenantStore;
import org.carillon.platform.apitoken.ApiTokenScope;
import org.carillon.platform.apitoken.ApiTokens;
import org.carillon.platform.security.FailClosedAccessInterceptor;
import org.carillon.platform.testing.Endpoints;
import org.carillon.platform.testing.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.carillon.pbx.access.Permission.API_TOKENS;
import static org.carillon.pbx.access.Permission.AGENT_STATES;
import static org.carillon.pbx.access.Permission.REPORTS;
import static org.carillon.pbx.access.Permission.FEATURE_CODES;
import static org.carillon.pbx.access.Permission.SPEED_DIALS;
import static org.carillon.pbx.access.Permission.SCHEDULES;
import static org.carillon.pbx.access.Permission.TEAMS;
import static org.carillon.pbx.access.Permission.OWN_KEYS;
import static org.carillon.pbx.access.Permission.OWN_STATUS;
import static org.carillon.pbx.access.Permission.PARKING;
import static org.carillon.pbx.access.Permission.OWN_VOICEMAIL;
import static org.carillon.pbx.access.Permission.AUDIT;
import static org.carillon.pbx.access.Permission.CALLS;
import static org.carillon.pbx.access.Permission.EXTENSIONS;
import static org.carillon.pbx.access.Permission.LICENSES;
import static org.carillon.pbx.access.Permission.MAIL_SERVER;
import static org.carillon.pbx.access.Permission.OWN_CALLS;
import static org.carillon.pbx.access.Permission.OWN_PROFILE;
import static org.carillon.pbx.access.Permission.ROLES;
import static org.carillon.pbx.access.Permission.SECURITY;
import static org.carillon.pbx.access.Permission.SIGNED_IN;

/**
 * SECURITY.md's authorization matrix for the PBX: every endpoint, listed from the application's own request
 * mappings, × every role × own and foreign object. The {@link #TABLE} names each endpoint's {@link Permission}; a
 * role outside the permission's set gets 403, a role inside it reaches its own object (anything but 403, 404 or a
 * 5xx) and gets 404 for a foreign one: another user's extension for an Agent or Supervisor, another tenant's for an
 * Owner or Manager. An endpoint missing from the table — or declaring another permission than the table says —
 * fails the test, so a new endpoint cannot ship without a decision here (docs/roles.md: how to add a row).
 */
class AuthorizationMatrixIT extends FeatureH2Context {
    /** The value of the path's variable ({@code {number}}, {@code {id}}) naming an object, for the acting role. */
    private interface Target extends BiFunction<World, Role, String> {
    }

    /**
     * One endpoint's row.
     *
     * @param permission what it declares
     * @param own        an object the role may touch (null: the path has no variable)
     * @param foreign    an object the role may not see (null: the endpoint has no per-object scope)
     * @param body       form fields (pages) or a JSON/text body (API) sent with a non-GET request
     * @param absentOk   the object cannot be made here (an active call): 404 counts as allowed
     */
    private record Rule(Permission permission, Target own, Target foreign, Map<String, String> body,
                        boolean absentOk) {
    }

    private static final Map<String, Rule> TABLE = new LinkedHashMap<>();
    /** The platform's own endpoints (sign-in, password links, sessions, API docs, error page): not in the table. */
    private static final Set<String> PLATFORM = Set.of("GET /login", "GET /password/forgot",
            "POST /password/forgot", "GET /password/reset", "POST /password/reset", "GET /welcome", "POST /welcome",
            "GET /dev/mailbox", "GET /dev/mailbox/{id}", "* /error", "GET /api/v1/openapi.json",
            "GET /api/v1/openapi.json/swagger-config", "GET /api/v1/openapi.json.yaml", "GET /api/docs",
            "GET /account/sessions", "POST /account/sessions/{handle}/revoke");

    private static void rule(String endpoint, Permission permission) {
        rule(endpoint, permission, null, null, Map.of());
    }

    private static void rule(String endpoint, Permission permission, Map<String, String> body) {
        rule(endpoint, permission, null, null, body);
    }

    private static void rule(String endpoint, Permission permission, Target own, Target foreign,
                             Map<String, String> body) {
        TABLE.put(endpoint, new Rule(permission, own, foreign, body, false));
    }

    /** An extension the role may manage (an Agent colleague's) and another tenant's. */
    private static final Target COLLEAGUE = (w, r) -> w.colleague;
    private static final Target OTHER_TENANT = (w, r) -> w.otherTenant;
    /** The role's own extension; foreign: a colleague's for non-admins, another tenant's for admins. */
    private static final Target OWN = (w, r) -> w.own.get(r);
    private static final Target NOT_OWN = (w, r) -> r.admin() ? w.otherTenant : w.colleague;
    /** A fresh extension for each destructive call (delete). */
    private static final Target FRESH = (w, r) -> w.fresh();
    private static final Target NO_SUCH_CALL = (w, r) -> "no-such-call";
    /** An object the matrix does not make (a team, a holiday, a message): its 404 counts as reaching the handler. */
    private static final Target NO_SUCH_OBJECT = (w, r) -> "0";
    /** The personal scope of speed dials. */
    private static final Target PERSONAL = (w, r) -> "mine";

    static {
        rule("GET /", SIGNED_IN);
        rule("GET /dashboard/live", CALLS);
        rule("GET /api/v1/me", SIGNED_IN);
        rule("GET /api/v1/license", SIGNED_IN);
        rule("GET /mfa/setup", SIGNED_IN);
        rule("POST /mfa/setup", SIGNED_IN, Map.of("code", "000000"));
        rule("GET /mfa/verify", SIGNED_IN);
        rule("POST /mfa/verify", SIGNED_IN, Map.of("code", "000000"));
        rule("GET /profile", OWN_PROFILE);
        rule("POST /profile", OWN_PROFILE, Map.of("firstName", "Matrix", "lastName", "User", "mobile", ""));
        rule("POST /profile/password", OWN_PROFILE, Map.of("currentPassword", "not the password",
                "newPassword", "x", "confirmPassword", "x"));
        rule("GET /profile/calls", OWN_CALLS);
        rule("GET /api/v1/calls", OWN_CALLS);
        rule("GET /api/v1/calls/active", OWN_CALLS);
        // click-to-call from the role's own extension to a number that is no extension: 400 once allowed
        TABLE.put("POST /api/v1/calls", new Rule(OWN_CALLS, null, null, Map.of("to", "2"), false));
        rule("GET /api/v1/parking", PARKING);
        rule("GET /api/v1/parking/settings", PARKING);
        rule("PUT /api/v1/parking/settings", PARKING); // an empty body: 400 once allowed
        rule("GET /parking", PARKING);
        rule("GET /parking/stream", PARKING);
        rule("GET /api/v1/parking/lots", PARKING);
        rule("POST /api/v1/parking/lots", PARKING); // an empty body: 400 once allowed
        TABLE.put("GET /api/v1/parking/lots/{id}", new Rule(PARKING, NO_SUCH_OBJECT, null, Map.of(), true));
        TABLE.put("PUT /api/v1/parking/lots/{id}", new Rule(PARKING, NO_SUCH_OBJECT, null, Map.of(), true));
        TABLE.put("DELETE /api/v1/parking/lots/{id}", new Rule(PARKING, NO_SUCH_OBJECT, null, Map.of(), true));
        rule("GET /parking/lots/new", PARKING);
        rule("POST /parking/lots", PARKING, Map.of("timeoutSeconds", "0")); // the form with errors
        TABLE.put("GET /parking/lots/{id:\\d+}", new Rule(PARKING, NO_SUCH_OBJECT, null, Map.of(), true));
        TABLE.put("POST /parking/lots/{id:\\d+}", new Rule(PARKING, NO_SUCH_OBJECT, null, Map.of(), true));
        TABLE.put("POST /parking/lots/{id:\\d+}/delete", new Rule(PARKING, NO_SUCH_OBJECT, null, Map.of(), true));
        rule("GET /api/v1/extensions/{number}", OWN_PROFILE, OWN, NOT_OWN, Map.of());
        rule("PATCH /api/v1/extensions/{number}", OWN_PROFILE, OWN, NOT_OWN, Map.of("firstName", "Matrix"));

        rule("GET /extensions", EXTENSIONS);
        rule("GET /extensions/status-stream", EXTENSIONS);
        rule("GET /extensions/new", EXTENSIONS);
        rule("POST /extensions", EXTENSIONS, Map.of("email", "@unique",
                "firstName", "New", "lastName", "User", "role", "agent"));
        rule("GET /extensions/{number:[0-9]+}", EXTENSIONS, COLLEAGUE, OTHER_TENANT, Map.of());
        rule("POST /extensions/{number:[0-9]+}", EXTENSIONS, COLLEAGUE, OTHER_TENANT, Map.of("firstName", "Col",
                "lastName", "League", "mobile", ""));
        rule("POST /extensions/{number:[0-9]+}/delete", EXTENSIONS, FRESH, OTHER_TENANT, Map.of());
        rule("POST /extensions/{number:[0-9]+}/credentials", EXTENSIONS, COLLEAGUE, OTHER_TENANT, Map.of());
        // a fresh Agent's two-step sign-in (off: the reset changes nothing and says so)
        rule("POST /extensions/{number:[0-9]+}/mfa-reset", EXTENSIONS, FRESH, OTHER_TENANT, Map.of());
        rule("GET /extensions/export.csv", EXTENSIONS);
        rule("GET /extensions/import", EXTENSIONS);
        rule("POST /extensions/import", EXTENSIONS);
        rule("GET /api/v1/extensions", EXTENSIONS);
        rule("POST /api/v1/extensions", EXTENSIONS, Map.of("email", "@unique", "firstName", "Api", "lastName", "User"));
        rule("DELETE /api/v1/extensions/{number}", EXTENSIONS, FRESH, OTHER_TENANT, Map.of());
        rule("GET /api/v1/extensions/{number}/credentials", EXTENSIONS, COLLEAGUE, OTHER_TENANT, Map.of());
        rule("POST /api/v1/extensions/{number}/credentials", EXTENSIONS, COLLEAGUE, OTHER_TENANT, Map.of());

        rule("GET /roles", ROLES);
        rule("GET /roles/stream", ROLES);
        rule("POST /roles/{number:[0-9]+}", ROLES, COLLEAGUE, OTHER_TENANT, Map.of("role", "agent"));

        rule("GET /calls", CALLS);
        rule("GET /calls/active", CALLS);
        rule("GET /calls/active/stream", CALLS);
        rule("POST /calls/active/{id}/hangup", CALLS, NO_SUCH_CALL, null, Map.of());
        TABLE.put("DELETE /api/v1/calls/active/{id}", new Rule(CALLS, NO_SUCH_CALL, null, Map.of(), true));

        rule("GET /security", SECURITY);
        rule("POST /security/bans/lift", SECURITY, Map.of("address", "192.0.2.1"));
        rule("GET /api/v1/registrar/stats", SECURITY);
        rule("GET /api/v1/media/stats", SECURITY);
        rule("GET /api/v1/subscriptions/stats", SECURITY);

        rule("GET /audit", AUDIT);
        rule("GET /api/v1/audit", AUDIT);

        rule("GET /settings/license", LICENSES);
        rule("POST /settings/license", LICENSES, Map.of("text", "not a license"));
        rule("POST /settings/license/activate", LICENSES, Map.of("key", ""));
        rule("PUT /api/v1/license", LICENSES, Map.of("text/plain", "not a license"));

        // voicemail, presence and BLF, speed dial, feature codes, schedules and profiles, teams and agents
        TABLE.put("DELETE /api/v1/directory/favourites/{number}", new Rule(SIGNED_IN, COLLEAGUE, null, Map.of(), false));
        TABLE.put("DELETE /api/v1/extensions/{number}/holidays/{id}", new Rule(OWN_STATUS, OWN, NOT_OWN, Map.of(), true));
        TABLE.put("DELETE /api/v1/extensions/{number}/profiles/{name}", new Rule(OWN_STATUS, OWN, NOT_OWN, Map.of(), true));
        TABLE.put("DELETE /api/v1/extensions/{number}/speed-dials/{code}", new Rule(OWN_KEYS, OWN, NOT_OWN, Map.of(), true));
        TABLE.put("DELETE /api/v1/extensions/{number}/voicemail/greetings/{kind}", new Rule(OWN_VOICEMAIL, OWN, NOT_OWN, Map.of(), true));
        TABLE.put("DELETE /api/v1/extensions/{number}/voicemail/messages/{id}", new Rule(OWN_VOICEMAIL, OWN, NOT_OWN, Map.of(), true));
        TABLE.put("DELETE /api/v1/schedule/holidays/{id}", new Rule(SCHEDULES, NO_SUCH_OBJECT, null, Map.of(), true));
        rule("DELETE /api/v1/schedule/override", SCHEDULES);
        TABLE.put("DELETE /api/v1/speed-dials/{code}", new Rule(SPEED_DIALS, NO_SUCH_OBJECT, null, Map.of(), true));
        TABLE.put("DELETE /api/v1/teams/{number}", new Rule(TEAMS, NO_SUCH_OBJECT, null, Map.of(), true));
        rule("GET /api/v1/agents", AGENT_STATES);
        // an extension in no team is not an agent: 404 counts as reaching the handler
        TABLE.put("GET /api/v1/agents/{extension}", new Rule(OWN_STATUS, OWN, OTHER_TENANT, Map.of(), true));
        TABLE.put("GET /api/v1/agents/{extension}/history", new Rule(OWN_STATUS, OWN, OTHER_TENANT, Map.of(), true));
        rule("GET /api/v1/aux-codes", OWN_STATUS);
        rule("GET /api/v1/directory", SIGNED_IN);
        TABLE.put("GET /api/v1/extensions/{number}/blf-keys", new Rule(OWN_KEYS, OWN, NOT_OWN, Map.of(), false));
        TABLE.put("GET /api/v1/extensions/{number}/blf-keys/provisioning", new Rule(OWN_KEYS, OWN, NOT_OWN, Map.of(), false));
        TABLE.put("GET /api/v1/extensions/{number}/holidays", new Rule(OWN_STATUS, OWN, NOT_OWN, Map.of(), false));
        TABLE.put("GET /api/v1/extensions/{number}/holidays/{id}/audio", new Rule(OWN_STATUS, OWN, NOT_OWN, Map.of(), true));
        TABLE.put("GET /api/v1/extensions/{number}/profile", new Rule(OWN_STATUS, OWN, NOT_OWN, Map.of(), false));
        TABLE.put("GET /api/v1/extensions/{number}/profile/automatic", new Rule(OWN_STATUS, OWN, NOT_OWN, Map.of(),
                false));
        TABLE.put("GET /api/v1/extensions/{number}/profiles", new Rule(OWN_STATUS, OWN, NOT_OWN, Map.of(), false));
        TABLE.put("GET /api/v1/extensions/{number}/schedule", new Rule(OWN_STATUS, OWN, NOT_OWN, Map.of(), false));
        TABLE.put("GET /api/v1/extensions/{number}/speed-dials", new Rule(OWN_KEYS, OWN, NOT_OWN, Map.of(), false));
        TABLE.put("GET /api/v1/extensions/{number}/voicemail", new Rule(OWN_VOICEMAIL, OWN, NOT_OWN, Map.of(), false));
        TABLE.put("GET /api/v1/extensions/{number}/voicemail/messages", new Rule(OWN_VOICEMAIL, OWN, NOT_OWN, Map.of(), false));
        TABLE.put("GET /api/v1/extensions/{number}/voicemail/messages/{id}/audio", new Rule(OWN_VOICEMAIL, OWN, NOT_OWN, Map.of(), true));
        rule("GET /api/v1/feature-codes", SIGNED_IN);
        rule("GET /api/v1/schedule", SCHEDULES);
        rule("GET /api/v1/schedule/holidays", SCHEDULES);
        TABLE.put("GET /api/v1/schedule/holidays/{id}/audio", new Rule(SCHEDULES, NO_SUCH_OBJECT, null, Map.of(), true));
        rule("GET /api/v1/speed-dials", OWN_KEYS);
        rule("GET /api/v1/teams", AGENT_STATES);
        TABLE.put("GET /api/v1/teams/{number}", new Rule(AGENT_STATES, NO_SUCH_OBJECT, null, Map.of(), true));
        rule("GET /blf-keys", OWN_KEYS);
        rule("GET /directory", SIGNED_IN);
        rule("GET /directory/alive", SIGNED_IN);
        rule("GET /directory/stream", SIGNED_IN);
        TABLE.put("GET /extensions/{number}/blf-keys", new Rule(OWN_KEYS, OWN, NOT_OWN, Map.of(), false));
        TABLE.put("GET /extensions/{number}/schedule", new Rule(OWN_STATUS, OWN, NOT_OWN, Map.of(), false));
        TABLE.put("GET /extensions/{number}/voicemail", new Rule(OWN_VOICEMAIL, OWN, NOT_OWN, Map.of(), false));
        rule("GET /feature-codes", FEATURE_CODES);
        rule("GET /my/schedule", OWN_STATUS);
        rule("GET /schedules", SCHEDULES);
        rule("GET /speed-dials", OWN_KEYS);
        rule("GET /teams", AGENT_STATES);
        rule("GET /teams/new", TEAMS);
        rule("GET /teams/wall", AGENT_STATES);
        TABLE.put("GET /teams/{number:\\d+}", new Rule(TEAMS, NO_SUCH_OBJECT, null, Map.of(), true));
        TABLE.put("GET /teams/{number:\\d+}/report", new Rule(REPORTS, NO_SUCH_OBJECT, null, Map.of(), true));
        TABLE.put("GET /teams/{number:\\d+}/report.csv", new Rule(REPORTS, NO_SUCH_OBJECT, null, Map.of(), true));
        rule("GET /teams/wall/stream", AGENT_STATES);
        rule("GET /teams/wall/alive", AGENT_STATES);
        rule("GET /voicemail", OWN_VOICEMAIL);
        TABLE.put("GET /voicemail/messages/{id}/audio", new Rule(OWN_VOICEMAIL, NO_SUCH_OBJECT, null, Map.of(), true));
        TABLE.put("PATCH /api/v1/extensions/{number}/voicemail", new Rule(OWN_VOICEMAIL, OWN, NOT_OWN, Map.of(), false));
        TABLE.put("PATCH /api/v1/extensions/{number}/voicemail/messages/{id}", new Rule(OWN_VOICEMAIL, OWN, NOT_OWN,
                Map.of("heard", "true"), true));
        rule("PATCH /api/v1/feature-codes", FEATURE_CODES);
        TABLE.put("POST /api/v1/extensions/{number}/holidays", new Rule(OWN_STATUS, OWN, NOT_OWN, Map.of(), false));
        TABLE.put("POST /api/v1/extensions/{number}/profiles", new Rule(OWN_STATUS, OWN, NOT_OWN, Map.of(), false));
        TABLE.put("POST /api/v1/extensions/{number}/speed-dials", new Rule(OWN_KEYS, OWN, NOT_OWN, Map.of(), false));
        rule("POST /api/v1/schedule/holidays", SCHEDULES);
        rule("POST /api/v1/speed-dials", SPEED_DIALS);
        rule("POST /api/v1/teams", TEAMS);
        TABLE.put("POST /directory/favourites/{number}", new Rule(SIGNED_IN, COLLEAGUE, null, Map.of(), false));
        TABLE.put("POST /extensions/{number}/blf-keys", new Rule(OWN_KEYS, OWN, NOT_OWN, Map.of(), false));
        TABLE.put("POST /extensions/{number}/schedule", new Rule(OWN_STATUS, OWN, NOT_OWN, Map.of(), false));
        TABLE.put("POST /extensions/{number}/schedule/holidays", new Rule(OWN_STATUS, OWN, NOT_OWN, Map.of(), false));
        // an upload: without a file the answer is 400 before any lookup, so no foreign check here
        TABLE.put("POST /extensions/{number}/schedule/holidays/{id}/audio", new Rule(OWN_STATUS, OWN, null, Map.of(),
                true));
        TABLE.put("POST /extensions/{number}/schedule/holidays/{id}/delete", new Rule(OWN_STATUS, OWN, NOT_OWN, Map.of(), true));
        TABLE.put("POST /extensions/{number}/schedule/profile", new Rule(OWN_STATUS, OWN, NOT_OWN,
                Map.of("active", "available"), false));
        TABLE.put("POST /extensions/{number}/schedule/profile-auto", new Rule(OWN_STATUS, OWN, NOT_OWN, Map.of(),
                false));
        TABLE.put("POST /extensions/{number}/voicemail", new Rule(OWN_VOICEMAIL, OWN, NOT_OWN, Map.of(), false));
        rule("POST /feature-codes", FEATURE_CODES);
        rule("POST /my/schedule", OWN_STATUS);
        rule("POST /my/schedule/holidays", OWN_STATUS);
        TABLE.put("POST /my/schedule/holidays/{id}/audio", new Rule(OWN_STATUS, NO_SUCH_OBJECT, null, Map.of(), true));
        TABLE.put("POST /my/schedule/holidays/{id}/delete", new Rule(OWN_STATUS, NO_SUCH_OBJECT, null, Map.of(), true));
        rule("POST /my/schedule/profile", OWN_STATUS);
        rule("POST /my/schedule/profile-auto", OWN_STATUS);
        rule("POST /schedules", SCHEDULES);
        rule("POST /schedules/holidays", SCHEDULES);
        TABLE.put("POST /schedules/holidays/{id}/audio", new Rule(SCHEDULES, NO_SUCH_OBJECT, null, Map.of(), true));
        TABLE.put("POST /schedules/holidays/{id}/delete", new Rule(SCHEDULES, NO_SUCH_OBJECT, null, Map.of(), true));
        rule("POST /schedules/override", SCHEDULES);
        rule("POST /schedules/override/lift", SCHEDULES);
        TABLE.put("POST /speed-dials/{scope}", new Rule(OWN_KEYS, PERSONAL, null, Map.of(), false));
        TABLE.put("POST /speed-dials/{scope}/{code}/delete", new Rule(OWN_KEYS, PERSONAL, null, Map.of(), true));
        rule("POST /teams", TEAMS);
        TABLE.put("POST /teams/agents/{extension}/state", new Rule(AGENT_STATES, OWN, OTHER_TENANT,
                Map.of("state", "ready"), true));
        rule("POST /teams/aux-codes", TEAMS);
        TABLE.put("POST /teams/{number:\\d+}", new Rule(TEAMS, NO_SUCH_OBJECT, null, Map.of(), true));
        TABLE.put("POST /teams/{number:\\d+}/delete", new Rule(TEAMS, NO_SUCH_OBJECT, null, Map.of(), true));
        TABLE.put("POST /voicemail/greetings/{kind}", new Rule(OWN_VOICEMAIL, NO_SUCH_OBJECT, null, Map.of(), true));
        TABLE.put("POST /voicemail/greetings/{kind}/delete", new Rule(OWN_VOICEMAIL, NO_SUCH_OBJECT, null, Map.of(), true));
        TABLE.put("POST /voicemail/messages/{id}/delete", new Rule(OWN_VOICEMAIL, NO_SUCH_OBJECT, null, Map.of(), true));
        TABLE.put("POST /voicemail/messages/{id}/heard", new Rule(OWN_VOICEMAIL, NO_SUCH_OBJECT, null, Map.of(), true));
        rule("POST /voicemail/settings", OWN_VOICEMAIL);
        TABLE.put("PUT /api/v1/agents/{extension}/state", new Rule(OWN_STATUS, OWN, OTHER_TENANT,
                Map.of("state", "ready"), true));
        rule("PUT /api/v1/aux-codes", TEAMS);
        TABLE.put("PUT /api/v1/directory/favourites/{number}", new Rule(SIGNED_IN, COLLEAGUE, null, Map.of(), false));
        TABLE.put("PUT /api/v1/extensions/{number}/blf-keys", new Rule(OWN_KEYS, OWN, NOT_OWN, Map.of(), false));
        TABLE.put("PUT /api/v1/extensions/{number}/holidays/{id}", new Rule(OWN_STATUS, OWN, NOT_OWN, Map.of(), true));
        TABLE.put("PUT /api/v1/extensions/{number}/holidays/{id}/audio", new Rule(OWN_STATUS, OWN, NOT_OWN,
                Map.of("audio/wav", "RIFF"), true));
        TABLE.put("PUT /api/v1/extensions/{number}/profile", new Rule(OWN_STATUS, OWN, NOT_OWN, Map.of(), false));
        TABLE.put("PUT /api/v1/extensions/{number}/profile/automatic", new Rule(OWN_STATUS, OWN, NOT_OWN, Map.of(),
                false));
        TABLE.put("PUT /api/v1/extensions/{number}/profiles/{name}", new Rule(OWN_STATUS, OWN, NOT_OWN, Map.of(), true));
        TABLE.put("PUT /api/v1/extensions/{number}/schedule", new Rule(OWN_STATUS, OWN, NOT_OWN, Map.of(), false));
        TABLE.put("PUT /api/v1/extensions/{number}/speed-dials/{code}", new Rule(OWN_KEYS, OWN, NOT_OWN, Map.of(), true));
        TABLE.put("PUT /api/v1/extensions/{number}/voicemail/greetings/{kind}", new Rule(OWN_VOICEMAIL, OWN, NOT_OWN, Map.of(), true));
        rule("PUT /api/v1/schedule", SCHEDULES);
        TABLE.put("PUT /api/v1/schedule/holidays/{id}", new Rule(SCHEDULES, NO_SUCH_OBJECT, null, Map.of(), true));
        TABLE.put("PUT /api/v1/schedule/holidays/{id}/audio", new Rule(SCHEDULES, NO_SUCH_OBJECT, null,
                Map.of("audio/wav", "RIFF"), true));
        rule("PUT /api/v1/schedule/override", SCHEDULES);
        TABLE.put("PUT /api/v1/speed-dials/{code}", new Rule(SPEED_DIALS, NO_SUCH_OBJECT, null, Map.of(), true));
        TABLE.put("PUT /api/v1/teams/{number}", new Rule(TEAMS, NO_SUCH_OBJECT, null, Map.of(), true));

        // invalid forms and no saved server: the rows reach the handlers without changing the shared PBX's mail
        rule("GET /settings/mail", MAIL_SERVER);
        rule("POST /settings/mail", MAIL_SERVER, Map.of("host", "", "port", "x", "security", "none", "from", ""));
        rule("POST /settings/mail/test", MAIL_SERVER, Map.of("to", "not an address"));
        rule("POST /settings/mail/reset", MAIL_SERVER);
        rule("GET /settings/api-tokens", API_TOKENS);
        rule("POST /settings/api-tokens", API_TOKENS, Map.of("name", "matrix", "scope", "read_only"));
        rule("POST /settings/api-tokens/{id}/revoke", API_TOKENS, (w, r) -> w.tokenOf(w.emails.get(r)),
                (w, r) -> w.tokenOf(OWNER), Map.of());
    }

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyEndpointIsInThePermissionTableAndDeclaresThePermissionItSays() {
        Set<String> endpoints = Endpoints.of(mappings);
        assertThat(endpoints).contains("GET /extensions", "GET /api/v1/audit", "GET /login");
        assertThat(new TreeSet<>(endpoints)).as("endpoints missing from AuthorizationMatrixIT.TABLE")
                .allMatch(e -> TABLE.containsKey(e) || PLATFORM.contains(e));
        assertThat(TABLE.keySet()).as("table rows whose endpoint no longer exists").allMatch(endpoints::contains);
        Map<String, String> wrong = new TreeMap<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            if (!method.getBeanType().getName().startsWith("org.carillon.pbx.")) {
                return;
            }
            Optional<Permission> declared = FailClosedAccessInterceptor.declared(method, Allowed.class)
                    .map(Allowed::value);
            for (String endpoint : Endpoints.of(info)) {
                Permission expected = TABLE.get(endpoint).permission();
                if (!declared.equals(Optional.of(expected))) {
                    wrong.put(endpoint, "declares " + declared.map(Enum::name).orElse("nothing")
                            + ", table says " + expected);
                }
            }
        });
        assertThat(wrong).isEmpty();
    }

    @Test
    void everyRoleGetsExactlyWhatItsPermissionAllowsAndForeignObjectsAreNotFound() {
        World w = new World();
        try {
            List<String> wrong = new ArrayList<>();
            for (var entry : TABLE.entrySet()) {
                Rule rule = entry.getValue();
                String method = entry.getKey().substring(0, entry.getKey().indexOf(' '));
                String pattern = entry.getKey().substring(entry.getKey().indexOf(' ') + 1);
                for (Role role : Role.values()) {
                    boolean allowed = rule.permission().grants(role);
                    String own = rule.own() == null ? pattern : fill(pattern, rule.own().apply(w, role));
                    int status = w.send(role, method, own, rule.body());
                    boolean refused = status == 403 || status == 404 && !rule.absentOk() || status >= 500;
                    if (allowed == refused) {
                        wrong.add(entry.getKey() + " as " + role.wire() + ": " + status);
                    }
                    if (allowed && rule.foreign() != null) {
                        int foreign = w.send(role, method, fill(pattern, rule.foreign().apply(w, role)),
                                rule.body());
                        if (foreign != 404) {
                            wrong.add(entry.getKey() + " as " + role.wire() + " on a foreign object: " + foreign);
                        }
                    }
                }
            }
            assertThat(wrong).isEmpty();
        } finally {
            w.removeOtherTenant();
        }
    }

    private static String fill(String pattern, String value) {
        // any further variable (a message id, a code) gets a value nothing has
        return pattern.replaceFirst("\\{[^}]+}", value).replaceAll("\\{[^}]+}", "0");
    }

    /** A user of every role with an extension, an Agent colleague, and an extension in a second tenant. */
    private final class World {
        final Map<Role, String> emails = new EnumMap<>(Role.class);
        final Map<Role, String> own = new EnumMap<>(Role.class);
        final Map<Role, WebClient> pages = new EnumMap<>(Role.class);
        final Map<Role, String> csrf = new EnumMap<>(Role.class);
        final String colleague;
        final String otherTenant;
        final Tenant other;
        final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        World() {
            for (Role role : Role.values()) {
                String email = uniqueEmail("matrix-" + role.wire());
                emails.put(role, email);
                own.put(role, api().createExtension(email, role.wire()).text("number"));
                setWebPassword(email);
                WebClient web = new WebClient(httpPort());
                web.login(email, USER_PASSWORD);
                pages.put(role, web);
                csrf.put(role, web.csrfToken("/profile"));
            }
            colleague = api().createExtension(uniqueEmail("matrix-colleague"), "agent").text("number");
            var store = bean(TenantStore.class);
            store.create("Matrix other tenant", "other-" + System.nanoTime() + ".example.test", ZoneId.of("UTC"));
            other = store.all().getLast();
            // a number this tenant does not use, or the "foreign" path would name one of ours
            var ours = bean(TenantDirectory.class).current();
            String free = IntStream.iterate(8999, n -> n - 1).mapToObj(Integer::toString)
                    .filter(n -> !bean(ExtensionStore.class).numberTaken(ours.id(), n)).findFirst().orElseThrow();
            var created = extensions().create(other, new ExtensionInput(uniqueEmail("matrix-foreign"), "Other",
                    "Tenant", "", Optional.of(Role.AGENT), Optional.of(free)), ownerActor());
            otherTenant = created.extension().number();
        }

        String fresh() {
            return api().createExtension(uniqueEmail("matrix-fresh"), "agent").text("number");
        }

        String tokenOf(String email) {
            long account = jdbc().sql("SELECT id FROM user_account WHERE email = ?").param(email)
                    .query(Long.class).single();
            return Long.toString(bean(ApiTokens.class).create(account, "matrix", ApiTokenScope.READ_ONLY).token().id());
        }

        /** The HTTP status for {@code role}; pages with the role's session, the API with its HTTP Basic login. */
        int send(Role role, String method, String path, Map<String, String> body) {
            String resolved = path;
            Map<String, String> fields = new HashMap<>(body);
            fields.replaceAll((k, v) -> v.equals("@unique") ? uniqueEmail("matrix-new") : v);
            if (resolved.startsWith("/api/")) {
                return sendApi(role, method, resolved, fields);
            }
            WebClient web = pages.get(role);
            if (method.equals("GET")) {
                return resolved.endsWith("stream") ? web.streamStatus(resolved) : web.get(resolved).statusCode();
            }
            fields.put("_csrf", csrf.get(role));
            return web.postForm(resolved, fields).statusCode();
        }

        private int sendApi(Role role, String method, String path, Map<String, String> fields) {
            var b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort() + path))
                    .timeout(Duration.ofSeconds(30)).header("Accept", "application/json")
                    .header("Authorization", WebClient.basic(emails.get(role), USER_PASSWORD));
            if (method.equals("GET") || method.equals("DELETE")) {
                b.method(method, HttpRequest.BodyPublishers.noBody());
            } else if (fields.size() == 1 && fields.keySet().iterator().next().contains("/")) {
                // a raw body: the key is its media type (a license file, an audio upload)
                String type = fields.keySet().iterator().next();
                b.header("Content-Type", type).method(method, HttpRequest.BodyPublishers.ofString(fields.get(type)));
            } else {
                StringBuilder json = new StringBuilder("{");
                fields.forEach((k, v) -> json.append(json.length() > 1 ? "," : "").append('"').append(k)
                        .append("\":\"").append(v).append('"'));
                b.header("Content-Type", "application/json").method(method,
                        HttpRequest.BodyPublishers.ofString(json.append('}').toString()));
            }
            try {
                return http.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /** Leaves one tenant behind: the SIP side routes any host to the single tenant. */
        void removeOtherTenant() {
            extensions().delete(other, otherTenant, ownerActor());
            jdbc().sql("DELETE FROM tenant WHERE id = ?").param(other.id()).update();
        }
    }

    private static Actor ownerActor() {
        return new Actor(OWNER, Role.OWNER, Optional.empty(), "test");
    }
}
