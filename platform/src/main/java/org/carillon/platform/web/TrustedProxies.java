package org.carillon.platform.web;

import org.apache.catalina.valves.RemoteIpValve;
import org.carillon.platform.settings.InvalidSettingException;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The reverse proxies whose forwarding headers the web apps believe: {@code carillon.web.trusted-proxies}
 * ({@value #SETTING}), a comma-separated list of IP addresses and CIDR ranges, IPv4 or IPv6. Empty (the default):
 * no forwarding header is believed and every request is what its TCP connection says.
 *
 * <p>When the connection comes from one of them, Tomcat's {@link RemoteIpValve} takes the client's address from
 * {@code X-Forwarded-For} — the right-most entry that is not itself a trusted proxy, never the left-most, which the
 * client writes — and the scheme from {@code X-Forwarded-Proto} (the port from {@code X-Forwarded-Port}, else 443
 * for https). {@code Forwarded} (RFC 7239) is not read. From any other peer these headers change nothing.
 *
 * <p>Only address literals are accepted (no host names: nothing is looked up in DNS), and no {@code /0} range,
 * which would let every client forge its address. Immutable, thread-safe.
 *
 * @param ranges each entry as {@code address/prefix-length}, the form Tomcat's CIDR list takes
 */
public record TrustedProxies(List<String> ranges) {
    /** The environment variable. */
    public static final String SETTING = "CARILLON_WEB_TRUSTED_PROXIES";
    /** The property behind it, as in the apps' {@code application.yml}. */
    public static final String PROPERTY = "carillon.web.trusted-proxies";
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern PREFIX = Pattern.compile("\\d{1,3}");

    public TrustedProxies {
        ranges = List.copyOf(ranges);
    }

    /**
     * @param raw the setting's value; null or blank for none
     * @throws InvalidSettingException naming the first entry that is not an IP address or CIDR range
     */
    public static TrustedProxies parse(String raw) {
        List<String> ranges = new ArrayList<>();
        for (String part : raw == null ? new String[0] : raw.split(",")) {
            String entry = part.trim();
            if (!entry.isEmpty()) {
                ranges.add(range(entry));
            }
        }
        return new TrustedProxies(ranges);
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    /**
     * The valve that applies the list, put first in Tomcat's engine pipeline. Every listed proxy is "internal" to
     * the valve: it is skipped when walking {@code X-Forwarded-For} from the right and not reported in
     * {@code X-Forwarded-By}.
     */
    public RemoteIpValve valve() {
        if (isEmpty()) {
            throw new IllegalStateException("no trusted proxies: no valve");
        }
        RemoteIpValve valve = new RemoteIpValve();
        valve.setInternalProxies(String.join(",", ranges)); // a list with '/' is read as CIDR ranges (Tomcat 11)
        valve.setRemoteIpHeader("X-Forwarded-For");
        valve.setProtocolHeader("X-Forwarded-Proto");
        valve.setPortHeader("X-Forwarded-Port");
        return valve;
    }

    private static String range(String entry) {
        int slash = entry.indexOf('/');
        String address = slash < 0 ? entry : entry.substring(0, slash);
        InetAddress parsed = literal(entry, address);
        int bits = parsed instanceof Inet4Address ? 32 : 128;
        int prefix = bits;
        if (slash >= 0) {
            String length = entry.substring(slash + 1);
            prefix = PREFIX.matcher(length).matches() ? Integer.parseInt(length) : -1;
            if (prefix < 1 || prefix > bits) {
                throw new InvalidSettingException(SETTING, "'" + entry + "': the prefix length must be 1-" + bits
                        + (prefix == 0 ? " (/0 would trust every address)" : ""));
            }
        }
        return parsed.getHostAddress() + "/" + prefix;
    }

    private static InetAddress literal(String entry, String address) {
        try {
            if (address.contains(":") && !address.contains("%")) {
                return Inet6Address.ofLiteral(address);
            }
            if (IPV4.matcher(address).matches()) {
                return Inet4Address.ofLiteral(address);
            }
        } catch (IllegalArgumentException e) {
            // falls through to the message below
        }
        throw new InvalidSettingException(SETTING, "'" + entry + "' is not an IP address or CIDR range"
                + " (e.g. 10.0.0.5, 10.0.0.0/24, 2001:db8::/32)");
    }
}
