package org.carillon.pbx.extension;

import org.carillon.platform.web.ApiProblem;
import org.carillon.pbx.access.Role;
import org.carillon.pbx.audit.AuditTrail;
import org.carillon.pbx.license.LicenseService;
import org.carillon.pbx.tenant.Tenant;
import org.carillon.platform.account.AccountStore;
import org.carillon.platform.settings.Settings;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Creating, changing and deleting extensions with their users and SIP credentials (SPEC §2.1). Permission rules
 * (SPEC §2.9): Owner and Manager manage every extension; only an Owner gives or takes the Owner and Manager roles;
 * other users see and change only their own names and mobile number (the business email is locked for them).
 *
 * <p>Threads: thread-safe. Creation is serialised so two requests never pick the same number.
 */
@Service
public class ExtensionService {
    private final ExtensionStore store;
    private final AccountStore accounts;
    private final CredentialVault vault;
    private final DeviceDirectory directory;
    private final WelcomeMail welcome;
    private final AuditTrail audit;
    /** Serialises changes that take an Owner away, so two Owners demoting each other cannot leave none. */
    private final Object ownerLock = new Object();
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final NumberRange range;
    private final LicenseService licenses;
    private final ObjectProvider<ReservedNumbers> reserved;

    public ExtensionService(ExtensionStore store, AccountStore accounts, CredentialVault vault,
                            DeviceDirectory directory, WelcomeMail welcome, AuditTrail audit, TransactionTemplate tx,
                            ApplicationEventPublisher events, Clock clock, Settings settings,
                            LicenseService licenses, ObjectProvider<ReservedNumbers> reserved) {
        this.licenses = licenses;
        this.reserved = reserved;
        this.store = store;
        this.accounts = accounts;
        this.vault = vault;
        this.directory = directory;
        this.welcome = welcome;
        this.audit = audit;
        this.tx = tx;
        this.events = events;
        this.clock = clock;
        this.range = NumberRange.parse(settings.string(NumberRange.SETTING, "1000-8999"));
    }

    /** A new extension with the credentials generated for it (the password is shown once, here). */
    public record Created(Extension extension, SipCredentials credentials) {
    }

    public NumberRange range() {
        return range;
    }

    /**
     * Creates an extension, its user's login (no password yet: the welcome email carries a link to set one) and its
     * SIP credentials, and queues the welcome email in the same transaction.
     *
     * @throws InvalidExtensionException     for bad or duplicate fields, or a full range
     * @throws ExtensionForbiddenException  when the actor may not create extensions or give that role
     * @throws org.carillon.pbx.license.LicenseLimitException when the license allows no more extensions
     */
    public synchronized Created create(Tenant tenant, ExtensionInput input, Actor actor) {
        requireAdmin(actor);
        List<ApiProblem.FieldError> problems = new ArrayList<>(input.problems());
        Role role = input.role().orElse(Role.AGENT);
        checkRoleChange(actor, Optional.empty(), role);
        if (problems.isEmpty() && accounts.findByEmail(input.email()).isPresent()) {
            problems.add(new ApiProblem.FieldError("email", "is already used"));
        }
        if (problems.isEmpty() && input.number().isPresent() && store.numberTaken(tenant.id(), input.number().get())) {
            problems.add(new ApiProblem.FieldError("number", "is already used"));
        }
        if (problems.isEmpty() && input.number().isPresent()) {
            reservedBy(tenant.id(), input.number().get())
                    .ifPresent(why -> problems.add(new ApiProblem.FieldError("number", why)));
        }
        if (!problems.isEmpty()) {
            throw new InvalidExtensionException(problems);
        }
        licenses.requireRoomForExtensions((int) store.countAll(), 1);
        String number = input.number().orElseGet(() -> nextNumber(tenant.id()));
        SipCredentials credentials = SipCredentials.generate();
        Extension created;
        try {
            created = tx.execute(status -> {
                var account = accounts.create(input.email(), null, role.wire(), input.firstName(), input.lastName());
                long id = store.insert(tenant.id(), number, account.id(), input.firstName(), input.lastName(),
                        input.mobile(), credentials.username(), vault.encrypt(credentials.password(),
                                credentials.username()), clock.instant());
                Extension e = store.findById(tenant.id(), id).orElseThrow();
                welcome.enqueue(tenant, e, credentials);
                audit.record(actor.email(), actor.source(), "extension.create", "extension", number, "",
                        Map.of(), state(e, credentials.username()));
                return e;
            });
        } catch (DuplicateKeyException e) {
            throw new InvalidExtensionException("email", "is already used");
        }
        directory.put(new DeviceAccount(created.id(), tenant.id(), number, credentials.username(),
                credentials.password()));
        return new Created(created, credentials);
    }

    /** The next free number of the range, skipping numbers another feature owns ({@link ReservedNumbers}). */
    private String nextNumber(long tenantId) {
        OptionalLong highest = store.highestIn(tenantId, range.low(), range.high());
        for (long n = highest.isEmpty() ? range.low() : highest.getAsLong() + 1; n <= range.high(); n++) {
            if (reservedBy(tenantId, Long.toString(n)).isEmpty()) {
                return Long.toString(n);
            }
        }
        java.util.Set<Long> used = new java.util.HashSet<>(store.numbersIn(tenantId, range.low(), range.high()));
        for (long n = range.low(); n <= range.high(); n++) {
            if (!used.contains(n) && reservedBy(tenantId, Long.toString(n)).isEmpty()) {
                return Long.toString(n);
            }
        }
        throw new InvalidExtensionException("number", "no free number left in " + range.low() + "-" + range.high());
    }

    private Optional<String> reservedBy(long tenantId, String number) {
        return reserved.orderedStream().map(r -> r.reservedBy(tenantId, number)).flatMap(Optional::stream)
                .findFirst();
    }

    /** @throws ExtensionNotFoundException when absent or not visible to the actor */
    public Extension require(Tenant tenant, String number, Actor actor) {
        return store.find(tenant.id(), number).filter(e -> actor.admin() || actor.owns(e.number()))
                .orElseThrow(() -> new ExtensionNotFoundException(number));
    }

    public Optional<Extension> findByAccount(Tenant tenant, long accountId) {
        return store.findByAccount(tenant.id(), accountId);
    }

    /** A page of the tenant's extensions ordered by number. */
    public List<Extension> page(Tenant tenant, String query, int page, int size, Actor actor) {
        requireAdmin(actor);
        return store.page(tenant.id(), query, page * size, size);
    }

    /**
     * A page of the team directory (names and numbers are for every user), searched and cut in SQL: see
     * {@link ExtensionStore#directoryPage}.
     */
    public List<Extension> directoryPage(Tenant tenant, String query, Optional<java.util.Set<String>> only,
                                         java.util.Set<String> first, int offset, int limit) {
        return store.directoryPage(tenant.id(), query, only, first, offset, limit);
    }

    /** How many extensions {@link #directoryPage} finds. */
    public long directoryCount(Tenant tenant, String query, Optional<java.util.Set<String>> only) {
        return store.directoryCount(tenant.id(), query, only);
    }

    public long count(Tenant tenant, String query) {
        return store.count(tenant.id(), query);
    }

    /**
     * Applies a change. Names and mobile: the user or an admin; email: admins only; role: see the class comment.
     *
     * @throws InvalidExtensionException    for a bad or duplicate value, or a locked field the actor sent
     * @throws ExtensionForbiddenException for a role change the actor may not make
     */
    public Extension update(Tenant tenant, String number, ExtensionChanges changes, Actor actor) {
        Extension e = require(tenant, number, actor);
        List<ApiProblem.FieldError> problems = new ArrayList<>(changes.problems());
        if (!actor.admin()) {
            changes.email().filter(v -> !v.equalsIgnoreCase(e.email())).ifPresent(v -> problems.add(
                    new ApiProblem.FieldError("email", "can be changed only by an Owner or Manager")));
            changes.role().filter(r -> r != e.role()).ifPresent(r -> problems.add(
                    new ApiProblem.FieldError("role", "can be changed only by an Owner")));
        }
        String email = changes.email().orElse(e.email());
        if (problems.isEmpty() && !AccountStore.normalise(email).equals(e.email())
                && accounts.findByEmail(email).isPresent()) {
            problems.add(new ApiProblem.FieldError("email", "is already used"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidExtensionException(problems);
        }
        Role role = changes.role().orElse(e.role());
        if (role != e.role()) {
            checkRoleChange(actor, Optional.of(e.role()), role);
        }
        String first = changes.firstName().orElse(e.firstName());
        String last = changes.lastName().orElse(e.lastName());
        String mobile = changes.mobile().orElse(e.mobile());
        Extension updated;
        try {
            if (e.role() == Role.OWNER && role != Role.OWNER) {
                synchronized (ownerLock) {
                    requireAnotherOwner(e, "demoted");
                    updated = write(tenant, e, email, role, first, last, mobile, actor);
                }
            } else {
                updated = write(tenant, e, email, role, first, last, mobile, actor);
            }
        } catch (DuplicateKeyException dup) {
            throw new InvalidExtensionException("email", "is already used");
        }
        if (role != e.role()) {
            events.publishEvent(new RoleChanged(tenant.id(), number, e.role(), role));
        }
        return updated;
    }

    private Extension write(Tenant tenant, Extension e, String email, Role role, String first, String last,
                            String mobile, Actor actor) {
        return tx.execute(status -> {
            store.updateProfile(tenant.id(), e.id(), first, last, mobile, clock.instant());
            store.updateAccount(e.accountId(), email, role, first, last, clock.instant());
            Extension after = store.findById(tenant.id(), e.id()).orElseThrow();
            audit.record(actor.email(), actor.source(), role != e.role() ? "extension.role" : "extension.update",
                    "extension", e.number(), "", state(e, e.sipUsername()), state(after, after.sipUsername()));
            return after;
        });
    }

    /**
     * The last Owner can be neither demoted nor deleted (SPEC §2.9): someone must always hold every permission.
     * Counts enabled Owner logins, with or without an extension (the first-start Owner has none).
     *
     * @throws ExtensionForbiddenException when {@code e} is the only enabled Owner
     */
    private void requireAnotherOwner(Extension e, String what) {
        if (store.countEnabledOwnersExcept(e.accountId()) == 0) {
            throw new ExtensionForbiddenException("the last Owner cannot be " + what
                    + "; make another user an Owner first");
        }
    }

    /** An extension's fields for the audit log (no secrets: the SIP password never enters a state). */
    static Map<String, Object> state(Extension e, String sipUsername) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("number", e.number());
        m.put("email", e.email());
        m.put("firstName", e.firstName());
        m.put("lastName", e.lastName());
        m.put("mobile", e.mobile());
        m.put("role", e.role().wire());
        m.put("sipUsername", sipUsername);
        return m;
    }

    /** Deletes the extension, its bindings and its user's login. */
    public void delete(Tenant tenant, String number, Actor actor) {
        requireAdmin(actor);
        Extension e = require(tenant, number, actor);
        if (e.email().equals(actor.email())) {
            throw new ExtensionForbiddenException("you cannot delete your own extension");
        }
        if (e.role() == Role.OWNER && actor.role() != Role.OWNER) {
            throw new ExtensionForbiddenException("only an Owner can delete an Owner");
        }
        synchronized (ownerLock) {
            if (e.role() == Role.OWNER) {
                requireAnotherOwner(e, "deleted");
            }
            tx.executeWithoutResult(status -> {
                store.delete(tenant.id(), e.id(), e.accountId());
                audit.record(actor.email(), actor.source(), "extension.delete", "extension", number, "",
                        state(e, e.sipUsername()), Map.of());
            });
        }
        directory.remove(e.id());
        events.publishEvent(new ExtensionRemoved(tenant.id(), e.id(), number));
    }

    /** New username and password; phones must be given them again. Owner/Manager only. */
    public SipCredentials regenerate(Tenant tenant, String number, Actor actor) {
        requireAdmin(actor);
        Extension e = require(tenant, number, actor);
        SipCredentials fresh = SipCredentials.generate();
        tx.executeWithoutResult(status -> {
            store.updateCredentials(tenant.id(), e.id(), fresh.username(),
                    vault.encrypt(fresh.password(), fresh.username()), clock.instant());
            audit.record(actor.email(), actor.source(), "extension.credentials", "extension", number, "regenerated",
                    Map.of("sipUsername", e.sipUsername(), "sipPassword", "old"),
                    Map.of("sipUsername", fresh.username(), "sipPassword", "new"));
        });
        directory.put(new DeviceAccount(e.id(), tenant.id(), number, fresh.username(), fresh.password()));
        return fresh;
    }

    /** The stored credentials, decrypted. Owner/Manager only; each view is audited. */
    public SipCredentials credentials(Tenant tenant, String number, Actor actor) {
        requireAdmin(actor);
        Extension e = require(tenant, number, actor);
        String password = vault.decrypt(store.sealedPassword(tenant.id(), e.id()), e.sipUsername());
        audit.record(actor.email(), actor.source(), "extension.credentials.view", "extension", number, "", Map.of(),
                Map.of());
        return new SipCredentials(e.sipUsername(), password);
    }

    private static void requireAdmin(Actor actor) {
        if (!actor.admin()) {
            throw new ExtensionForbiddenException("only an Owner or Manager can do this");
        }
    }

    /** Only an Owner makes or unmakes Owners and Managers (SPEC §2.9: "Owner: everything, including roles"). */
    private static void checkRoleChange(Actor actor, Optional<Role> from, Role to) {
        boolean touchesAdmin = to.admin() || from.map(Role::admin).orElse(false);
        if (touchesAdmin && actor.role() != Role.OWNER) {
            throw new ExtensionForbiddenException("only an Owner can give or take the Owner and Manager roles");
        }
        if (!actor.admin()) {
            throw new ExtensionForbiddenException("only an Owner or Manager can change roles");
        }
    }
}
