package org.carillon.pbx.access;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The permission table against SPEC §2.9, role by role. */
class PermissionTest {
    private static Set<Permission> of(Role role) {
        return Stream.of(Permission.values()).filter(p -> p.grants(role)).collect(Collectors.toSet());
    }

    @Test
    void anOwnerMayDoEverything() {
        assertThat(of(Role.OWNER)).containsExactlyInAnyOrder(Permission.values());
    }

    @Test
    void aManagerMayDoEverythingButLicensesAndApiTokens() {
        assertThat(of(Role.MANAGER)).isEqualTo(EnumSet.complementOf(EnumSet.of(Permission.LICENSES,
                Permission.API_TOKENS)));
    }

    @Test
    void aSupervisorAddsAgentsStatesAndReportsToWhatAnAgentMay() {
        Set<Permission> agent = of(Role.AGENT);
        assertThat(agent).containsExactlyInAnyOrder(Permission.SIGNED_IN, Permission.OWN_PROFILE,
                Permission.OWN_CALLS, Permission.OWN_VOICEMAIL, Permission.OWN_STATUS, Permission.OWN_KEYS);
        Set<Permission> supervisor = EnumSet.copyOf(agent);
        supervisor.addAll(EnumSet.of(Permission.AGENT_STATES, Permission.REPORTS));
        assertThat(of(Role.SUPERVISOR)).isEqualTo(supervisor);
    }
}
