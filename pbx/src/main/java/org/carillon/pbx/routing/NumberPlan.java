package org.carillon.pbx.routing;

import org.carillon.pbx.call.Destination;
import org.carillon.pbx.call.RouteRequest;

import java.util.Objects;
import java.util.Optional;

/**
 * The number plan of CONTRACTS.md as a pure function of the dialled string and what exists: extensions
 * {@code 1000}–{@code 8999}, teams {@code 600}–{@code 699}, the parking lots' park numbers and slots (the default lot:
 * {@code 700}, {@code 701}–{@code 720}; others wherever the admin put them, never on an extension or a team), and the
 * dial codes of {@link FeatureCodes}. Each feature serves the destination types
 * routed to it with a {@code CallApplication}; a number that leads nowhere gets the unknown-number prompt.
 *
 * @param ranges    the number ranges
 * @param codes     the dial codes
 * @param directory what exists (extensions, teams, speed dials)
 */
public record NumberPlan(Ranges ranges, FeatureCodes codes, Directory directory) {

    /** What the plan needs to know about the PBX's contents. Thread-safe and non-blocking. */
    public interface Directory {
        boolean extensionExists(long tenantId, String number);

        default boolean teamExists(long tenantId, String number) {
            return false;
        }

        /**
         * Whether {@code number} is a parking lot's park number or slot. The default: the one lot of {@link Ranges}
         * ({@code 700}, {@code 701}–{@code 720}).
         */
        default boolean parking(long tenantId, String number) {
            Ranges r = Ranges.defaults();
            int n = Integer.parseInt(number);
            return n == r.park() || n >= r.slotLow() && n <= r.slotHigh();
        }

        /** The number a speed-dial {@code code} stands for, for {@code caller} (personal first, then system). */
        default Optional<String> speedDial(long tenantId, String caller, String code) {
            return Optional.empty();
        }
    }

    /** Inclusive number ranges; {@code park} and {@code slotLow}–{@code slotHigh} are the default parking lot's. */
    public record Ranges(int extensionLow, int extensionHigh, int teamLow, int teamHigh, int park, int slotLow,
                         int slotHigh) {
        public static Ranges defaults() {
            return new Ranges(1000, 8999, 600, 699, 700, 701, 720);
        }
    }

    public NumberPlan {
        Objects.requireNonNull(ranges, "ranges");
        Objects.requireNonNull(codes, "codes");
        Objects.requireNonNull(directory, "directory");
    }

    public static NumberPlan defaults(Directory directory) {
        return new NumberPlan(Ranges.defaults(), FeatureCodes.defaults(), directory);
    }

    /** Where {@code request} goes. Never throws; never blocks. */
    public Destination route(RouteRequest request) {
        return route(request, normalised(request.dialled()), true);
    }

    private Destination route(RouteRequest request, String dialled, boolean speedDialAllowed) {
        long tenant = request.tenantId();
        if (dialled.startsWith("*")) {
            return feature(request, dialled, speedDialAllowed);
        }
        if (!digits(dialled) || dialled.charAt(0) == '0' || dialled.length() > 9) {
            return Destination.unknownNumber(dialled);
        }
        int n = Integer.parseInt(dialled);
        if (n >= ranges.extensionLow() && n <= ranges.extensionHigh() && directory.extensionExists(tenant, dialled)) {
            return Destination.extension(dialled);
        }
        if (n >= ranges.teamLow() && n <= ranges.teamHigh() && directory.teamExists(tenant, dialled)) {
            return new Destination(Destination.Type.TEAM, dialled);
        }
        if (directory.parking(tenant, dialled)) {
            return new Destination(Destination.Type.PARK, dialled); // a lot's park number or one of its slots
        }
        return Destination.unknownNumber(dialled);
    }

    private Destination feature(RouteRequest request, String dialled, boolean speedDialAllowed) {
        if (dialled.equals(codes.groupPickup())) {
            return Destination.pickup("");
        }
        if (dialled.equals(codes.voicemailOwn())) {
            return new Destination(Destination.Type.VOICEMAIL_MENU, "");
        }
        if (dialled.equals(codes.voicemailAny())) {
            return new Destination(Destination.Type.VOICEMAIL_MENU, "any");
        }
        if (dialled.equals(codes.agentLogin())) {
            return new Destination(Destination.Type.AGENT_CODE, "login");
        }
        if (dialled.equals(codes.agentBreak())) {
            return new Destination(Destination.Type.AGENT_CODE, "break");
        }
        if (dialled.startsWith(codes.callProfile()) && digits(dialled.substring(codes.callProfile().length()))) {
            return new Destination(Destination.Type.PROFILE_CODE, dialled.substring(codes.callProfile().length()));
        }
        if (dialled.startsWith(codes.scheduleOverride())
                && digits(dialled.substring(codes.scheduleOverride().length()))) {
            String rest = dialled.substring(codes.scheduleOverride().length());
            return new Destination(Destination.Type.SCHEDULE_CODE, rest);
        }
        if (dialled.startsWith(codes.directedPickup())) {
            String target = dialled.substring(codes.directedPickup().length());
            if (digits(target) && !target.isEmpty()) {
                return Destination.pickup(target);
            }
        }
        if (speedDialAllowed && dialled.startsWith(codes.speedDial())) {
            String code = dialled.substring(codes.speedDial().length());
            if (!code.isEmpty() && digits(code)) {
                return directory.speedDial(request.tenantId(), request.caller(), code)
                        .map(number -> route(request, normalised(number), false))
                        .orElseGet(() -> Destination.unknownNumber(dialled));
            }
        }
        return Destination.unknownNumber(dialled);
    }

    private static boolean digits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** Visual separators phones may keep in a dialled string (RFC 3966 §5.1.1) are dropped. */
    static String normalised(String dialled) {
        StringBuilder b = new StringBuilder(dialled.length());
        for (char c : dialled.toCharArray()) {
            if (c != '-' && c != '.' && c != '(' && c != ')' && c != ' ') {
                b.append(c);
            }
        }
        return b.toString();
    }
}
