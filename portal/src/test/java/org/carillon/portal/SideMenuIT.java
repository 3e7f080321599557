package org.carillon.portal;

import org.carillon.platform.account.OwnerBootstrap;
import org.carillon.platform.testing.WebClient;
import org.carillon.portal.access.PortalRole;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The side menu is rendered once per role and active page (MenuCache, issue 8): whichever role or page came first,
 * each viewer sees the entries of their own role with their own page marked.
 */
class SideMenuIT extends PortalContext {
    private static final Pattern NAV = Pattern.compile("<nav id=\"side-menu\".*?</nav>", Pattern.DOTALL);
    private static final Pattern LINK = Pattern.compile("<a class=\"([^\"]*)\"[^>]*>([^<]+)");

    @Test
    void everyRoleSeesItsOwnEntriesWithItsPageMarkedWhicheverRoleCameFirst() {
        var customer = fixtures.customer();
        List<String> all = List.of("Dashboard", "License history", "Licenses", "Purchases", "Invoice",
                "Account management", "Profile settings", "Sub account settings");
        // Twice round, in two orders: a menu kept for one role must never reach another.
        for (int round = 0; round < 2; round++) {
            for (PortalRole role : round == 0 ? List.of(PortalRole.OWNER, PortalRole.VIEWER, PortalRole.BILLING,
                    PortalRole.PURCHASER, PortalRole.TECHNICAL) : List.of(PortalRole.TECHNICAL, PortalRole.PURCHASER,
                    PortalRole.BILLING, PortalRole.VIEWER, PortalRole.OWNER)) {
                WebClient web = signedIn(role == PortalRole.OWNER ? customer.ownerEmail()
                        : fixtures.member(customer.id(), role));
                List<String> expected = switch (role) {
                    case OWNER -> all;
                    case PURCHASER -> without(all, "Sub account settings");
                    case BILLING -> without(all, "Purchases", "Sub account settings");
                    case TECHNICAL, VIEWER -> without(all, "Purchases", "Invoice", "Sub account settings");
                    default -> throw new AssertionError(role);
                };
                String dashboard = menu(web, "/");
                assertThat(entries(dashboard)).as(role + " on /").isEqualTo(expected);
                assertThat(active(dashboard)).as(role + " on /").containsExactly("Dashboard");
                assertThat(dashboard).contains("aria-current=\"page\"").contains("aria-expanded=\"false\"")
                        .doesNotContain("collapse show");

                String profile = menu(web, "/profile");
                assertThat(entries(profile)).as(role + " on /profile").isEqualTo(expected);
                assertThat(active(profile)).as(role + " on /profile").containsExactly("Profile settings");
                assertThat(profile).doesNotContain("aria-current").contains("aria-expanded=\"true\"")
                        .contains("collapse show");
            }
            String staff = menu(signedIn(OwnerBootstrap.OWNER_EMAIL), "/customers");
            assertThat(entries(staff)).isEqualTo(List.of("Dashboard", "Customers", "Catalog"));
            assertThat(active(staff)).containsExactly("Customers");
        }
    }

    private static String menu(WebClient web, String path) {
        var response = web.get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        Matcher m = NAV.matcher(response.body());
        assertThat(m.find()).as("side menu on " + path).isTrue();
        String nav = m.group();
        assertThat(NAV.matcher(response.body().substring(m.end())).find()).as("one menu").isFalse();
        return nav;
    }

    private static List<String> entries(String nav) {
        List<String> entries = new ArrayList<>();
        Matcher m = LINK.matcher(nav);
        while (m.find()) {
            if (!m.group(2).equals("Development mailbox")) {
                entries.add(m.group(2).strip());
            }
        }
        return entries;
    }

    private static List<String> active(String nav) {
        List<String> active = new ArrayList<>();
        Matcher m = LINK.matcher(nav);
        while (m.find()) {
            if (List.of(m.group(1).split(" ")).contains("active")) {
                active.add(m.group(2).strip());
            }
        }
        return active;
    }

    private static List<String> without(List<String> all, String... left) {
        return all.stream().filter(e -> !List.of(left).contains(e)).toList();
    }
}
