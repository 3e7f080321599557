package org.carillon.platform.settings;

import org.springframework.core.env.Environment;

/**
 * Reads Carillon settings from Spring's environment. Each setting has one documented environment-variable name
 * ({@code CARILLON_SIP_PORT}); Spring maps it to the property {@code carillon.sip.port}, which the app's commented
 * {@code application.yml} and the operator's config file may also set (the environment wins).
 */
public final class Settings {
    private final Environment environment;

    public Settings(Environment environment) {
        this.environment = environment;
    }

    /** The property name behind an environment-variable name: {@code CARILLON_SIP_PORT} → {@code carillon.sip.port}. */
    public static String propertyOf(String envName) {
        return envName.toLowerCase(java.util.Locale.ROOT).replace('_', '.');
    }

    public String string(String envName, String fallback) {
        String value = environment.getProperty(propertyOf(envName));
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    public java.util.Optional<String> optional(String envName) {
        String value = environment.getProperty(propertyOf(envName));
        return value == null || value.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(value.trim());
    }

    /**
     * A TCP/UDP port setting; 0 asks the OS for a free port (used by tests).
     *
     * @throws InvalidSettingException when the value is not a number in 0–65535
     */
    public int port(String envName, int fallback) {
        String raw = string(envName, Integer.toString(fallback));
        int port;
        try {
            port = Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            throw new InvalidSettingException(envName, "'" + raw + "' is not a port number (1-65535)");
        }
        if (port < 0 || port > 65535) {
            throw new InvalidSettingException(envName, port + " is out of range (1-65535)");
        }
        return port;
    }

    /**
     * A port range such as {@code 10000-20000}.
     *
     * @throws InvalidSettingException when malformed, reversed or out of range
     */
    public PortRange portRange(String envName, String fallback) {
        String raw = string(envName, fallback);
        String[] parts = raw.split("-", -1);
        try {
            if (parts.length != 2) {
                throw new NumberFormatException();
            }
            int low = Integer.parseInt(parts[0].trim());
            int high = Integer.parseInt(parts[1].trim());
            if (low < 1024 || high > 65535 || low >= high) {
                throw new InvalidSettingException(envName,
                        "'" + raw + "' must be LOW-HIGH with 1024 <= LOW < HIGH <= 65535");
            }
            return new PortRange(low, high);
        } catch (NumberFormatException e) {
            throw new InvalidSettingException(envName, "'" + raw + "' is not a port range like 10000-20000");
        }
    }

    /** An inclusive port range. */
    public record PortRange(int low, int high) {
    }
}
