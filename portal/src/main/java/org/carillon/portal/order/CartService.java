package org.carillon.portal.order;

import org.carillon.portal.money.Money;
import org.carillon.platform.audit.AuditLog;
import org.carillon.portal.access.NotFoundException;
import org.carillon.portal.access.Viewer;
import org.carillon.portal.catalog.CatalogStore;
import org.carillon.portal.catalog.Edition;
import org.carillon.portal.catalog.Price;
import org.carillon.portal.customer.Customer;
import org.carillon.portal.customer.CustomerStore;
import org.carillon.portal.customer.PartnerTier;
import org.carillon.portal.form.InvalidFormException;
import org.carillon.portal.license.License;
import org.carillon.portal.license.LicenseService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.Optional;

/**
 * The customer's cart: pricing a Purchases form into a line (by the rule in {@link Money}) and keeping the lines.
 * A customer has at most one cart, shared by its purchasers.
 */
@Service
public class CartService {
    /** Extra subscription years on top of the first. */
    public static final int MAX_EXTRA_YEARS = 4;
    private final OrderStore orders;
    private final CatalogStore catalog;
    private final CustomerStore customers;
    private final LicenseService licenses;
    private final AuditLog audit;
    private final Clock clock;

    public CartService(OrderStore orders, CatalogStore catalog, CustomerStore customers, LicenseService licenses,
                       AuditLog audit, Clock clock) {
        this.orders = orders;
        this.catalog = catalog;
        this.customers = customers;
        this.licenses = licenses;
        this.audit = audit;
        this.clock = clock;
    }

    /** The cart, or an empty one that is not stored yet. */
    public Order cart(Viewer me) {
        return orders.findCartId(me.customer()).flatMap(id -> orders.find(me.customer(), id))
                .orElse(new Order(0, me.customer(), OrderStatus.CART, me.accountId(), "", "", "", "", clock.instant(),
                        clock.instant(), java.util.List.of()));
    }

    /**
     * Prices the form and adds it to the cart.
     *
     * @throws InvalidFormException naming the offending field
     */
    @Transactional
    public void add(Viewer me, PurchaseForm form, String source) {
        Customer customer = customers.find(me.customer()).orElseThrow(NotFoundException::new);
        Priced priced = price(customer, form);
        long cartId = orders.findCartId(customer.id())
                .orElseGet(() -> orders.createCart(customer.id(), me.accountId(), clock.instant()));
        orders.addLine(cartId, priced.kind, priced.edition.code(), priced.extensions, priced.years, priced.licenseId,
                priced.description, priced.amounts);
        audit.record(me.email(), "cart_line_added", "order", Long.toString(cartId),
                priced.description + ", total " + priced.amounts.totalMinor(), source);
    }

    @Transactional
    public void remove(Viewer me, long lineId) {
        if (!orders.removeCartLine(me.customer(), lineId)) {
            throw new NotFoundException();
        }
    }

    private record Priced(LineKind kind, Edition edition, int extensions, int years, Optional<Long> licenseId,
                          String description, Money.LineAmounts amounts) {
    }

    Priced price(Customer customer, PurchaseForm form) {
        LineKind kind = LineKind.find(form.kind()).orElseThrow(() -> InvalidFormException.of("kind",
                "Choose a license type."));
        int extra = parse(form.extraYears(), "extraYears", "Choose 0 to " + MAX_EXTRA_YEARS + " extra years.");
        if (extra < 0 || extra > MAX_EXTRA_YEARS) {
            throw InvalidFormException.of("extraYears", "Choose 0 to " + MAX_EXTRA_YEARS + " extra years.");
        }
        return switch (kind) {
            case NEW -> {
                Edition edition = edition(customer, form.edition());
                Price price = tier(edition, form.extensions());
                int years = 1 + extra;
                yield priced(customer, kind, edition, price.extensions(), years, Optional.empty(),
                        edition.name() + ", " + price.extensions() + " extensions, " + years + " year(s)",
                        price.yearlyMinor() * years);
            }
            case RENEWAL -> {
                License license = license(customer, form.licenseId());
                Edition edition = catalog.findEdition(license.editionCode()).orElseThrow();
                Price price = catalog.findPrice(edition.code(), license.extensions()).orElseThrow(() ->
                        InvalidFormException.of("licenseId", "This license's tier is no longer sold; contact us."));
                int years = 1 + extra;
                yield priced(customer, kind, edition, license.extensions(), years, Optional.of(license.id()),
                        "Renewal of " + license.maskedKey() + " (" + edition.name() + ", " + license.extensions()
                                + " extensions), " + years + " year(s)", price.yearlyMinor() * years);
            }
            case ADD_EXTENSIONS -> {
                License license = license(customer, form.licenseId());
                Edition edition = catalog.findEdition(license.editionCode()).orElseThrow();
                Price to = tier(edition, form.extensions());
                if (to.extensions() <= license.extensions()) {
                    throw InvalidFormException.of("extensions", "Choose more extensions than the license has ("
                            + license.extensions() + ").");
                }
                long from = catalog.findPrice(edition.code(), license.extensions()).map(Price::yearlyMinor).orElse(0L);
                long days = license.remainingDays(licenses.today());
                yield priced(customer, kind, edition, to.extensions(), 0, Optional.of(license.id()),
                        "Extensions " + license.extensions() + " → " + to.extensions() + " on " + license.maskedKey()
                                + " for the remaining " + days + " days",
                        Money.prorate(to.yearlyMinor() - from, days));
            }
            case UPGRADE -> {
                License license = license(customer, form.licenseId());
                Edition current = catalog.findEdition(license.editionCode()).orElseThrow();
                Edition target = edition(customer, form.edition());
                if (target.sortOrder() <= current.sortOrder() || target.multiTenant() != current.multiTenant()) {
                    throw InvalidFormException.of("edition", "Choose a higher edition than " + current.name() + ".");
                }
                Price to = catalog.findPrice(target.code(), license.extensions()).orElseThrow(() ->
                        InvalidFormException.of("edition", target.name() + " is not sold for "
                                + license.extensions() + " extensions."));
                long from = catalog.findPrice(current.code(), license.extensions()).map(Price::yearlyMinor).orElse(0L);
                long days = license.remainingDays(licenses.today());
                yield priced(customer, kind, target, license.extensions(), 0, Optional.of(license.id()),
                        "Upgrade of " + license.maskedKey() + " " + current.name() + " → " + target.name()
                                + " for the remaining " + days + " days",
                        Money.prorate(Math.max(0, to.yearlyMinor() - from), days));
            }
        };
    }

    private static Priced priced(Customer customer, LineKind kind, Edition edition, int extensions, int years,
                                 Optional<Long> licenseId, String description, long listMinor) {
        BigDecimal discount = edition.discountable() ? customer.discountPercent() : BigDecimal.ZERO;
        return new Priced(kind, edition, extensions, years, licenseId, description,
                Money.line(listMinor, discount, customer.taxPercent()));
    }

    private Edition edition(Customer customer, String code) {
        Edition edition = catalog.findEdition(code).filter(Edition::active)
                .orElseThrow(() -> InvalidFormException.of("edition", "Choose an edition."));
        if (edition.carrierOnly() && customer.tier() != PartnerTier.CARRIER_PARTNER) {
            throw InvalidFormException.of("edition", edition.name() + " is sold to carrier partners only.");
        }
        return edition;
    }

    private Price tier(Edition edition, String extensions) {
        int n = parse(extensions, "extensions", "Choose a number of extensions.");
        return catalog.findPrice(edition.code(), n).orElseThrow(() -> InvalidFormException.of("extensions",
                edition.name() + " is not sold for " + n + " extensions."));
    }

    private License license(Customer customer, String id) {
        long licenseId = parse(id, "licenseId", "Choose one of your licenses.");
        return licenses.find(customer.id(), licenseId)
                .orElseThrow(() -> InvalidFormException.of("licenseId", "Choose one of your licenses."));
    }

    private static int parse(String value, String field, String message) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw InvalidFormException.of(field, message);
        }
    }

}
