package org.carillon.portal.license;

import org.carillon.licensekey.activation.ActivationKey;
import org.carillon.portal.access.NotFoundException;
import org.carillon.portal.paging.Page;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * Licenses of a customer: reading them for the pages, and changing them when an order is paid (called by checkout
 * inside the paying transaction only — licenses exist only for PAID orders). Each change writes a history event.
 * License files (signed, for activation) are issue 9's: it reads {@link LicenseStore#findByKey}.
 */
@Service
public class LicenseService {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final LicenseStore store;
    private final Clock clock;

    public LicenseService(LicenseStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Today in UTC: license terms are UTC dates. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    public License require(long customerId, long id) {
        return store.find(customerId, id).orElseThrow(NotFoundException::new);
    }

    public java.util.Optional<License> find(long customerId, long id) {
        return store.find(customerId, id);
    }

    public List<License> all(long customerId) {
        return store.all(customerId);
    }

    public Page<License> page(long customerId, String search, int page) {
        return new Page<>(store.page(customerId, search, Page.offset(page), Page.SIZE), Math.max(1, page), Page.SIZE,
                store.count(customerId, search));
    }

    public Map<Long, List<LicenseEvent>> events(long customerId, List<License> licenses) {
        return store.events(customerId, licenses.stream().map(License::id).toList());
    }

    public LicenseCounts counts(long customerId) {
        return store.counts(customerId, today());
    }

    /** A new license from today for {@code years} years. */
    @Transactional(propagation = Propagation.MANDATORY)
    public long issue(long customerId, String editionCode, int extensions, int years, String orderRef) {
        LocalDate start = today();
        long id = store.insert(customerId, ActivationKey.generate(RANDOM), editionCode, extensions, start,
                start.plusYears(years).minusDays(1), clock.instant());
        store.event(id, "purchased", editionCode + ", " + extensions + " extensions, " + years + " year(s), "
                + orderRef, clock.instant());
        return id;
    }

    /** Adds years after the current end (or after today, when it has already ended). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void renew(long customerId, long id, int years, String orderRef) {
        License l = require(customerId, id);
        LocalDate from = l.endsOn().isBefore(today()) ? today().minusDays(1) : l.endsOn();
        LocalDate end = from.plusYears(years);
        store.updateTerms(customerId, id, l.editionCode(), l.extensions(), end);
        store.event(id, "renewed", years + " year(s), now ends " + end + ", " + orderRef, clock.instant());
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void addExtensions(long customerId, long id, int extensions, String orderRef) {
        License l = require(customerId, id);
        store.updateTerms(customerId, id, l.editionCode(), extensions, l.endsOn());
        store.event(id, "extensions_added", l.extensions() + " → " + extensions + " extensions, " + orderRef,
                clock.instant());
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void upgrade(long customerId, long id, String editionCode, String orderRef) {
        License l = require(customerId, id);
        store.updateTerms(customerId, id, editionCode, l.extensions(), l.endsOn());
        store.event(id, "upgraded", l.editionCode() + " → " + editionCode + ", " + orderRef, clock.instant());
    }
}
