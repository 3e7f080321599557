package org.carillon.pbx.tenant;

import java.time.ZoneId;

/**
 * A PBX tenant: its SIP domain and the IANA time zone in which its schedules are evaluated.
 */
public record Tenant(long id, String name, String sipDomain, ZoneId timeZone) {
}
