package org.carillon.pbx.blf;

import org.carillon.pbx.audit.AuditTrail;
import org.carillon.pbx.extension.Actor;
import org.carillon.pbx.extension.DeviceDirectory;
import org.carillon.pbx.extension.Extension;
import org.carillon.pbx.extension.ExtensionService;
import org.carillon.pbx.routing.FeatureCodeService;
import org.carillon.pbx.routing.FeatureCodes;
import org.carillon.pbx.routing.InvalidDialCodeException;
import org.carillon.pbx.routing.NumberPlan;
import org.carillon.pbx.routing.ParkingLotLookup;
import org.carillon.pbx.speeddial.SpeedDialService;
import org.carillon.pbx.tenant.Tenant;
import org.carillon.platform.web.ApiProblem;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An extension's programmable keys (SPEC §2.6): read and replaced as a whole by the extension's own user or an
 * admin, checked against what exists (the watched extension, the speed-dial code, the slot range), and exported as
 * JSON for phone provisioning.
 *
 * <p>Threads: thread-safe (stateless over the store).
 */
@Service
public class BlfKeyService {
    static final int MAX_KEYS = 100;
    private final BlfKeyStore store;
    private final ExtensionService extensions;
    private final DeviceDirectory devices;
    private final SpeedDialService speedDials;
    private final FeatureCodeService codes;
    private final ObjectProvider<ParkingLotLookup> lots;
    private final AuditTrail audit;

    public BlfKeyService(BlfKeyStore store, ExtensionService extensions, DeviceDirectory devices,
                         SpeedDialService speedDials, FeatureCodeService codes, AuditTrail audit,
                         ObjectProvider<ParkingLotLookup> lots) {
        this.store = store;
        this.lots = lots;
        this.extensions = extensions;
        this.devices = devices;
        this.speedDials = speedDials;
        this.codes = codes;
        this.audit = audit;
    }

    /** The extension's keys by position. @throws org.carillon.pbx.extension.ExtensionNotFoundException */
    public List<BlfKey> list(Tenant tenant, String number, Actor actor) {
        Extension e = extensions.require(tenant, number, actor);
        return store.list(tenant.id(), e.id());
    }

    /**
     * Replaces the extension's keys.
     *
     * @throws InvalidDialCodeException naming each bad field as {@code keys[i].position|type|value|label}
     * @throws org.carillon.pbx.extension.ExtensionNotFoundException when the actor may not see the extension
     */
    @Transactional
    public List<BlfKey> save(Tenant tenant, String number, List<BlfKey> keys, Actor actor) {
        Extension e = extensions.require(tenant, number, actor);
        List<ApiProblem.FieldError> problems = problems(tenant.id(), e.number(), keys);
        if (!problems.isEmpty()) {
            throw new InvalidDialCodeException(problems);
        }
        List<BlfKey> clean = keys.stream().map(k -> new BlfKey(k.position(), k.type(), strip(k.value()),
                strip(k.label()))).sorted(Comparator.comparingInt(BlfKey::position)).toList();
        List<BlfKey> before = store.list(tenant.id(), e.id());
        store.replace(tenant.id(), e.id(), clean);
        // "buttons", not "keys": a field named like a key would be masked as a secret
        audit.recordChange(actor.email(), actor.source(), "blf_keys_saved", "blf_keys", e.number(), "",
                Map.of("buttons", AuditTrail.plain(before)), Map.of("buttons", AuditTrail.plain(clean)));
        return clean;
    }

    private List<ApiProblem.FieldError> problems(long tenantId, String owner, List<BlfKey> keys) {
        List<ApiProblem.FieldError> out = new ArrayList<>();
        if (keys.size() > MAX_KEYS) {
            out.add(new ApiProblem.FieldError("keys", "At most " + MAX_KEYS + " keys."));
            return out;
        }
        Set<Integer> positions = new HashSet<>();
        NumberPlan.Ranges ranges = NumberPlan.Ranges.defaults();
        for (int i = 0; i < keys.size(); i++) {
            BlfKey k = keys.get(i);
            String f = "keys[" + i + "].";
            if (k.position() < 1 || k.position() > MAX_KEYS) {
                out.add(new ApiProblem.FieldError(f + "position", "Use a position from 1 to " + MAX_KEYS + "."));
            } else if (!positions.add(k.position())) {
                out.add(new ApiProblem.FieldError(f + "position", "Position " + k.position() + " is used twice."));
            }
            if (k.type() == null) {
                out.add(new ApiProblem.FieldError(f + "type", "Choose what the key does."));
                continue;
            }
            String v = strip(k.value());
            valueProblem(tenantId, owner, k.type(), v, ranges)
                    .ifPresent(m -> out.add(new ApiProblem.FieldError(f + "value", m)));
            if (strip(k.label()).length() > 100) {
                out.add(new ApiProblem.FieldError(f + "label", "Use at most 100 characters."));
            }
        }
        return out;
    }

    /** A slot of any of the tenant's parking lots (without the parking feature: the default lot's). */
    private boolean isSlot(long tenantId, String v, NumberPlan.Ranges ranges) {
        ParkingLotLookup lookup = lots.getIfAvailable();
        if (lookup != null) {
            return lookup.isSlot(tenantId, v);
        }
        return digits(v) && !v.isEmpty() && v.length() < 6 && Integer.parseInt(v) >= ranges.slotLow()
                && Integer.parseInt(v) <= ranges.slotHigh();
    }

    private String slotRanges(long tenantId, NumberPlan.Ranges ranges) {
        ParkingLotLookup lookup = lots.getIfAvailable();
        return lookup == null ? ranges.slotLow() + "–" + ranges.slotHigh()
                : String.join(", ", lookup.slotRanges(tenantId));
    }

    private Optional<String> valueProblem(long tenantId, String owner, BlfKeyType type, String v,
                                          NumberPlan.Ranges ranges) {
        return switch (type) {
            case BLF -> devices.findByNumber(tenantId, v).isPresent() ? Optional.empty()
                    : Optional.of("There is no extension " + (v.isEmpty() ? "with that number" : v) + ".");
            case SPEED_DIAL -> speedDials.find(tenantId, owner, v).isPresent() ? Optional.empty()
                    : Optional.of("There is no speed dial " + (v.isEmpty() ? "with that code" : v) + ".");
            case PARK_SLOT -> isSlot(tenantId, v, ranges) ? Optional.empty()
                    : Optional.of("Parking slots are " + slotRanges(tenantId, ranges) + ".");
            case AGENT -> v.isEmpty() || digits(v) && v.length() <= 9 ? Optional.empty()
                    : Optional.of("Leave empty, or give a team number.");
            case PROFILE -> digits(v) && !v.isEmpty() && v.length() <= 2 ? Optional.empty()
                    : Optional.of("Give the profile's position (1–99).");
        };
    }

    /** The provisioning export: every key with what a phone subscribes to and dials. */
    public Provisioning provisioning(Tenant tenant, String number, Actor actor) {
        Extension e = extensions.require(tenant, number, actor);
        FeatureCodes c = codes.codes(tenant.id());
        List<Provisioning.Key> keys = store.list(tenant.id(), e.id()).stream().map(k -> {
            Optional<String> watch = switch (k.type()) {
                case BLF, PARK_SLOT -> Optional.of("sip:" + k.value() + "@" + tenant.sipDomain());
                // agent and profile lamps watch the feature code the key dials (presence's LampService)
                case AGENT -> Optional.of("sip:" + c.agentLogin() + "@" + tenant.sipDomain());
                case PROFILE -> Optional.of("sip:" + c.callProfile() + k.value() + "@" + tenant.sipDomain());
                case SPEED_DIAL -> Optional.empty();
            };
            String dial = switch (k.type()) {
                case BLF, PARK_SLOT -> k.value();
                case SPEED_DIAL -> c.speedDial() + k.value();
                case AGENT -> c.agentLogin();
                case PROFILE -> c.callProfile() + k.value();
            };
            Optional<String> pickup = k.type() == BlfKeyType.BLF ? Optional.of(c.directedPickup() + k.value())
                    : Optional.empty();
            return new Provisioning.Key(k.position(), k.type(), k.value(), k.label(), watch, dial, pickup);
        }).toList();
        return new Provisioning(e.number(), tenant.sipDomain(), keys);
    }

    /**
     * The JSON a provisioning template reads.
     *
     * @param extension the phone's extension
     * @param domain    the SIP domain it registers to
     */
    public record Provisioning(String extension, String domain, List<Key> keys) {
        /**
         * @param subscribe the URI the phone subscribes to ({@code Event: dialog}) for the lamp, if the key has one
         * @param dial      what the phone dials when the key is pressed while idle
         * @param pickup    what it dials to pick up a call ringing on a BLF key's extension (when it cannot send an
         *                  INVITE with Replaces)
         */
        public record Key(int position, BlfKeyType type, String value, String label, Optional<String> subscribe,
                          String dial, Optional<String> pickup) {
        }
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }

    private static boolean digits(String s) {
        return s.chars().allMatch(Character::isDigit);
    }
}
