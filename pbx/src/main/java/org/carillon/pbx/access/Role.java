package org.carillon.pbx.access;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Locale;
import java.util.Optional;

/**
 * What a PBX user may do (SPEC §2.9). Owner: everything, including roles and licenses; Manager: extensions and the
 * other admin pages; Supervisor and Agent: their own pages. The wire name is lower case ({@code owner}), the Spring
 * authority {@code ROLE_OWNER}.
 */
public enum Role {
    @JsonProperty("owner") OWNER,
    @JsonProperty("manager") MANAGER,
    @JsonProperty("supervisor") SUPERVISOR,
    @JsonProperty("agent") AGENT;

    /** The name in JSON, CSV and {@code user_account.role}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True for the roles that see the admin pages. */
    public boolean admin() {
        return this == OWNER || this == MANAGER;
    }

    /** Parses a wire name; empty when it names no role. */
    public static Optional<Role> find(String wire) {
        if (wire == null) {
            return Optional.empty();
        }
        for (Role r : values()) {
            if (r.wire().equals(wire.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
