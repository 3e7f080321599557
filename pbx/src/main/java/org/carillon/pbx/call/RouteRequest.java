package org.carillon.pbx.call;

import java.time.Instant;
import java.util.Objects;

/**
 * What routing decides from (ARCHITECTURE.md: a pure function of dialled number, caller, tenant and time).
 *
 * @param dialled the user part of the Request-URI as dialled
 * @param caller  the calling extension's number
 * @param tenantId the tenant the caller belongs to
 * @param at      when the call arrived
 */
public record RouteRequest(String dialled, String caller, long tenantId, Instant at) {

    public RouteRequest {
        Objects.requireNonNull(dialled, "dialled");
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(at, "at");
    }
}
