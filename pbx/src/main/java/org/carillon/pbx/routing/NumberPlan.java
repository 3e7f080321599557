package org.carillon.pbx.routing;

import org.carillon.pbx.call.Destination;
import org.carillon.pbx.call.RouteRequest;

import java.util.function.BiPredicate;

/**
 * The number plan of CONTRACTS.md as a pure function: extensions {@code 1000}–{@code 8999} (when the extension
 * exists), {@code *8} group pickup, {@code **<ext>} directed pickup; anything else is an unknown number (a prompt,
 * then hang up). Teams, parking and the voicemail codes join here as their features arrive.
 *
 * @param extensionLow  first extension number
 * @param extensionHigh last extension number
 * @param exists        whether (tenant id, number) is an extension
 */
public record NumberPlan(int extensionLow, int extensionHigh, BiPredicate<Long, String> exists) {

    public static NumberPlan defaults(BiPredicate<Long, String> exists) {
        return new NumberPlan(1000, 8999, exists);
    }

    /** Where {@code request} goes. Never throws; never blocks. */
    public Destination route(RouteRequest request) {
        String dialled = normalised(request.dialled());
        if (dialled.equals("*8")) {
            return Destination.pickup("");
        }
        if (dialled.startsWith("**") && isExtension(dialled.substring(2))) {
            return Destination.pickup(dialled.substring(2));
        }
        if (isExtension(dialled) && exists.test(request.tenantId(), dialled)) {
            return Destination.extension(dialled);
        }
        return Destination.unknownNumber(dialled);
    }

    private boolean isExtension(String s) {
        if (s.isEmpty() || s.length() > 9 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        int n = Integer.parseInt(s);
        return n >= extensionLow && n <= extensionHigh && s.charAt(0) != '0';
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
