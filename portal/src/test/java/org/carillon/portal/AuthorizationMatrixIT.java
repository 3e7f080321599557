package org.carillon.portal;

import org.carillon.platform.testing.Endpoints;
import org.carillon.platform.testing.WebClient;
import org.carillon.portal.access.PortalRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.carillon.portal.access.PortalRole.BILLING;
import static org.carillon.portal.access.PortalRole.OWNER;
import static org.carillon.portal.access.PortalRole.PURCHASER;
import static org.carillon.portal.access.PortalRole.STAFF;
import static org.carillon.portal.access.PortalRole.TECHNICAL;
import static org.carillon.portal.access.PortalRole.VIEWER;

/**
 * SECURITY.md's authorization matrix: every endpoint of the portal, listed from the application's own request
 * mappings, × every role × own and foreign object. A role outside an endpoint's set gets 403; inside it, its own
 * object works and another customer's answers 404. An endpoint missing from {@link #TABLE} fails the test, so a new
 * endpoint cannot ship without a decision here.
 */
class AuthorizationMatrixIT extends PortalContext {
    private static final Set<PortalRole> ALL = EnumSet.allOf(PortalRole.class);
    private static final Set<PortalRole> CUSTOMER = EnumSet.of(OWNER, PURCHASER, TECHNICAL, BILLING, VIEWER);
    private static final Set<PortalRole> BUYERS = EnumSet.of(OWNER, PURCHASER);
    private static final Set<PortalRole> INVOICES = EnumSet.of(OWNER, PURCHASER, BILLING);
    private static final Set<PortalRole> OWNERS = EnumSet.of(OWNER);
    private static final Set<PortalRole> LICENSE_MANAGERS = EnumSet.of(OWNER, TECHNICAL);
    private static final Set<PortalRole> STAFF_ONLY = EnumSet.of(STAFF);
    /**
     * Not a portal page: the platform's sign-in and password pages, error page, API docs, machine endpoints; open or
     * guarded by the handler itself.
     */
    private static final Set<PortalRole> PLATFORM = Set.of();

    /** An endpoint's allowed roles and how to reach its own and a foreign object. */
    private record Rule(Set<PortalRole> roles, Function<World, String> own, Function<World, String> foreign,
                        Function<World, Map<String, String>> form) {
    }

    private static final Map<String, Rule> TABLE = new LinkedHashMap<>();

    private static void rule(String endpoint, Set<PortalRole> roles, Function<World, String> own,
                             Function<World, String> foreign, Function<World, Map<String, String>> form) {
        TABLE.put(endpoint, new Rule(roles, own, foreign, form));
    }

    private static void rule(String endpoint, Set<PortalRole> roles) {
        String path = endpoint.substring(endpoint.indexOf(' ') + 1);
        rule(endpoint, roles, w -> path, null, w -> Map.of());
    }

    static {
        rule("GET /", ALL);
        rule("GET /api/v1/me", ALL);
        rule("GET /guides", ALL);
        rule("GET /mfa/setup", ALL);
        rule("POST /mfa/setup", ALL);
        rule("GET /mfa/verify", ALL);
        rule("POST /mfa/verify", ALL);
        rule("GET /license-history", CUSTOMER);
        rule("GET /licenses", CUSTOMER);
        rule("GET /purchases", BUYERS);
        rule("POST /cart/lines", BUYERS);
        rule("GET /cart", BUYERS);
        rule("POST /cart/lines/{id}/remove", BUYERS, w -> "/cart/lines/" + w.newCartLine(w.a) + "/remove",
                w -> "/cart/lines/" + w.bCartLine + "/remove", w -> Map.of());
        rule("GET /checkout", BUYERS);
        rule("POST /checkout", BUYERS, w -> "/checkout", w -> "/checkout", w -> Map.of("orderId",
                Long.toString(w.cartOf(w.a))));
        rule("GET /orders/{id}", BUYERS, w -> "/orders/" + w.aOrder, w -> "/orders/" + w.bOrder, w -> Map.of());
        rule("GET /invoices", INVOICES);
        rule("GET /invoices/{id}/payment", INVOICES, w -> "/invoices/" + w.aInvoice + "/payment",
                w -> "/invoices/" + w.bInvoice + "/payment", w -> Map.of());
        rule("GET /invoices/{id}/pdf", INVOICES, w -> "/invoices/" + w.aInvoice + "/pdf",
                w -> "/invoices/" + w.bInvoice + "/pdf", w -> Map.of());
        rule("GET /licenses/{id}/setup", LICENSE_MANAGERS, w -> "/licenses/" + w.aLicense + "/setup",
                w -> "/licenses/" + w.bLicense + "/setup", w -> Map.of());
        rule("POST /licenses/{id}/setup", LICENSE_MANAGERS, w -> "/licenses/" + w.aLicense + "/setup",
                w -> "/licenses/" + w.bLicense + "/setup", w -> Map.of("extensions", "5", "country", "DE",
                        "language", "de", "promptSet", "de-DE"));
        rule("GET /licenses/{id}/offline", LICENSE_MANAGERS, w -> "/licenses/" + w.aLicense + "/offline",
                w -> "/licenses/" + w.bLicense + "/offline", w -> Map.of());
        rule("POST /licenses/{id}/offline", LICENSE_MANAGERS, w -> "/licenses/" + w.aLicense + "/offline",
                w -> "/licenses/" + w.bLicense + "/offline", w -> Map.of("requestCode", "not a code"));
        rule("GET /downloads/{name}", ALL, w -> "/downloads/carillon-pbx-0.1.0-SNAPSHOT-single-tenant.tar.gz", null,
                w -> Map.of());
        rule("GET /profile", CUSTOMER);
        rule("POST /profile", CUSTOMER);
        rule("POST /profile/password", CUSTOMER);
        rule("GET /subaccounts", OWNERS);
        rule("POST /subaccounts", OWNERS);
        rule("POST /subaccounts/{id}/role", OWNERS, w -> "/subaccounts/" + w.aTarget + "/role",
                w -> "/subaccounts/" + w.bMember + "/role", w -> Map.of("role", "viewer"));
        rule("POST /subaccounts/{id}/invitation", OWNERS, w -> "/subaccounts/" + w.aTarget + "/invitation",
                w -> "/subaccounts/" + w.bMember + "/invitation", w -> Map.of());
        rule("POST /subaccounts/{id}/disable", OWNERS, w -> "/subaccounts/" + w.aTarget + "/disable",
                w -> "/subaccounts/" + w.bMember + "/disable", w -> Map.of());
        rule("POST /subaccounts/{id}/enable", OWNERS, w -> "/subaccounts/" + w.aTarget + "/enable",
                w -> "/subaccounts/" + w.bMember + "/enable", w -> Map.of());
        rule("POST /subaccounts/{id}/mfa-reset", OWNERS, w -> "/subaccounts/" + w.aTarget + "/mfa-reset",
                w -> "/subaccounts/" + w.bMember + "/mfa-reset", w -> Map.of());
        rule("GET /customers", STAFF_ONLY);
        rule("GET /customers/new", STAFF_ONLY);
        rule("POST /customers", STAFF_ONLY);
        rule("GET /customers/{id}", STAFF_ONLY, w -> "/customers/" + w.a.id(), w -> "/customers/987654321",
                w -> Map.of());
        rule("POST /customers/{id}", STAFF_ONLY, w -> "/customers/" + w.a.id(), w -> "/customers/987654321",
                w -> Map.of());
        rule("POST /customers/{id}/owners/{accountId}/invitation", STAFF_ONLY,
                w -> "/customers/" + w.a.id() + "/owners/" + fixturesOf(w).accountId(w.a.ownerEmail()) + "/invitation",
                w -> "/customers/" + w.a.id() + "/owners/" + fixturesOf(w).accountId(w.b.ownerEmail()) + "/invitation",
                w -> Map.of());
        rule("POST /customers/{id}/owners/{accountId}/mfa-reset", STAFF_ONLY,
                w -> "/customers/" + w.a.id() + "/owners/" + fixturesOf(w).accountId(w.a.ownerEmail()) + "/mfa-reset",
                w -> "/customers/" + w.a.id() + "/owners/" + fixturesOf(w).accountId(w.b.ownerEmail()) + "/mfa-reset",
                w -> Map.of());
        rule("GET /catalog", STAFF_ONLY);
        rule("POST /catalog/{code}/prices/{extensions}", STAFF_ONLY, w -> "/catalog/standard/prices/10",
                w -> "/catalog/no_such_edition/prices/10", w -> Map.of("yearly", "199.00"));
        rule("POST /catalog/{code}/active", STAFF_ONLY, w -> "/catalog/standard/active",
                w -> "/catalog/no_such_edition/active", w -> Map.of("active", "true"));
        for (String platform : List.of("GET /login", "GET /password/forgot", "POST /password/forgot",
                "GET /password/reset", "POST /password/reset", "GET /welcome", "POST /welcome", "GET /dev/mailbox",
                "GET /dev/mailbox/{id}", "* /error", "GET /api/v1/openapi.json",
                "GET /api/v1/openapi.json/swagger-config", "GET /api/v1/openapi.json.yaml", "GET /api/docs",
                // Every signed-in user's own sessions (platform; WebFoundationContract covers them).
                "GET /account/sessions", "POST /account/sessions/{handle}/revoke",
                // Machine endpoints (@MachineEndpoint): the PBX authenticates by its license key; ActivationIT covers them.
                "POST /api/v1/activations")) {
            TABLE.put(platform, new Rule(PLATFORM, null, null, null));
        }
    }

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    JdbcClient jdbc;

    @Test
    void everyEndpointOfTheApplicationIsInThePermissionTable() {
        Set<String> endpoints = endpoints();
        assertThat(endpoints).contains("GET /invoices", "POST /checkout", "GET /login");
        assertThat(new TreeSet<>(endpoints)).as("endpoints missing from AuthorizationMatrixIT.TABLE")
                .allMatch(TABLE::containsKey);
        assertThat(TABLE.keySet().stream().filter(k -> !TABLE.get(k).roles().isEmpty()))
                .as("table rows whose endpoint no longer exists").allMatch(endpoints::contains);
    }

    @Test
    void everyRoleGetsExactlyWhatTheTableAllowsAndForeignObjectsAreNotFound() {
        World w = new World();
        List<String> wrong = new ArrayList<>();
        for (var entry : TABLE.entrySet()) {
            Rule rule = entry.getValue();
            if (rule.roles().isEmpty()) {
                continue;
            }
            String method = entry.getKey().substring(0, entry.getKey().indexOf(' '));
            for (PortalRole role : PortalRole.values()) {
                int own = w.send(role, method, rule.own().apply(w), rule.form().apply(w)).statusCode();
                boolean allowed = rule.roles().contains(role);
                if (allowed ? own == 403 || own == 404 || own >= 500 : own != 403) {
                    wrong.add(entry.getKey() + " as " + role.code() + ": " + own);
                }
                if (allowed && rule.foreign() != null) {
                    Map<String, String> form = entry.getKey().equals("POST /checkout")
                            ? Map.of("orderId", Long.toString(w.cartOf(w.b))) : rule.form().apply(w);
                    int foreign = w.send(role, method, rule.foreign().apply(w), form).statusCode();
                    if (foreign != 404) {
                        wrong.add(entry.getKey() + " as " + role.code() + " on a foreign object: " + foreign);
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    private static Fixtures fixturesOf(World w) {
        return w.fixtures();
    }

    private Set<String> endpoints() {
        return Endpoints.of(mappings);
    }

    /** Two customers with a user of every role, each with an order, an invoice, a cart line and a sub-account. */
    private final class World {
        final Fixtures.TestCustomer a = fixtures.customer();
        final Fixtures.TestCustomer b = fixtures.customer();
        final Map<PortalRole, WebClient> users = new EnumMap<>(PortalRole.class);
        final Map<PortalRole, String> tokens = new HashMap<>();
        final long aOrder;
        final long bOrder;
        final long aInvoice;
        final long bInvoice;
        final long aTarget;
        final long bMember;
        final long bCartLine;
        final long aLicense;
        final long bLicense;

        World() {
            users.put(STAFF, staff());
            users.put(OWNER, signedIn(a.ownerEmail()));
            for (PortalRole role : List.of(PURCHASER, TECHNICAL, BILLING, VIEWER)) {
                users.put(role, signedIn(fixtures.member(a.id(), role)));
            }
            users.forEach((role, web) -> tokens.put(role, web.csrfToken("/")));
            aOrder = order(users.get(OWNER));
            bOrder = order(signedIn(b.ownerEmail()));
            aInvoice = invoiceOf(aOrder);
            bInvoice = invoiceOf(bOrder);
            aTarget = fixtures.accountId(fixtures.member(a.id(), VIEWER));
            bMember = fixtures.accountId(fixtures.member(b.id(), VIEWER));
            bCartLine = newCartLine(b);
            aLicense = fixtures.license(a.id(), "standard", 10, 100, "active");
            bLicense = fixtures.license(b.id(), "standard", 10, 100, "active");
        }

        Fixtures fixtures() {
            return fixtures;
        }

        HttpResponse<String> send(PortalRole role, String method, String path, Map<String, String> form) {
            WebClient web = users.get(role);
            if (method.equals("GET")) {
                return web.get(path);
            }
            Map<String, String> body = new HashMap<>(form);
            body.put("_csrf", tokens.get(role));
            return web.postForm(path, body);
        }

        private long order(WebClient owner) {
            String location = new Shop(owner).buyStandard();
            return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        }

        private long invoiceOf(long order) {
            return jdbc.sql("SELECT id FROM invoice WHERE order_id = ?").param(order).query(Long.class).single();
        }

        long cartOf(Fixtures.TestCustomer customer) {
            var id = jdbc.sql("SELECT id FROM purchase_order WHERE customer_id = ? AND status = 'CART'")
                    .param(customer.id()).query(Long.class).optional();
            if (id.isPresent()) {
                return id.get();
            }
            long account = fixtures.accountId(customer.ownerEmail());
            jdbc.sql("""
                    INSERT INTO purchase_order (customer_id, status, created_by, currency, created_at, updated_at)
                    VALUES (?, 'CART', ?, 'EUR', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)""")
                    .params(customer.id(), account).update();
            return cartOf(customer);
        }

        long newCartLine(Fixtures.TestCustomer customer) {
            long cart = cartOf(customer);
            jdbc.sql("""
                    INSERT INTO order_line (order_id, kind, edition_code, extensions, years, description, list_minor,
                        discount_percent, discount_minor, tax_percent, tax_minor, total_minor)
                    VALUES (?, 'new', 'standard', 10, 1, 'matrix', 19900, 0, 0, 0, 0, 19900)""").param(cart).update();
            return jdbc.sql("SELECT MAX(id) FROM order_line WHERE order_id = ?").param(cart).query(Long.class).single();
        }
    }
}
