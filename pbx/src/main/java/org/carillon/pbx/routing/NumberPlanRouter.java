package org.carillon.pbx.routing;

import org.carillon.pbx.call.Destination;
import org.carillon.pbx.call.RouteRequest;
import org.carillon.pbx.call.Router;
import org.carillon.pbx.extension.DeviceDirectory;
import org.carillon.pbx.team.TeamService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * The PBX's {@link Router}: the {@link NumberPlan} with the caller's tenant's feature codes ({@link FeatureCodeService})
 * over the extensions, teams, parking lots and speed dials in memory.
 */
@Component
public class NumberPlanRouter implements Router {
    private final FeatureCodeService codes;
    private final NumberPlan.Directory directory;

    public NumberPlanRouter(DeviceDirectory devices, TeamService teams, FeatureCodeService codes,
                            ObjectProvider<SpeedDialLookup> speedDials, ObjectProvider<ParkingLotLookup> lots) {
        this.codes = codes;
        this.directory = new NumberPlan.Directory() {
            @Override
            public boolean extensionExists(long tenantId, String number) {
                return devices.findByNumber(tenantId, number).isPresent();
            }

            @Override
            public boolean teamExists(long tenantId, String number) {
                return teams.exists(tenantId, number);
            }

            @Override
            public boolean parking(long tenantId, String number) {
                ParkingLotLookup lookup = lots.getIfAvailable();
                return lookup == null ? NumberPlan.Directory.super.parking(tenantId, number)
                        : lookup.isParkNumber(tenantId, number) || lookup.isSlot(tenantId, number);
            }

            @Override
            public Optional<String> speedDial(long tenantId, String caller, String code) {
                SpeedDialLookup lookup = speedDials.getIfAvailable();
                return lookup == null ? Optional.empty() : lookup.find(tenantId, caller, code);
            }
        };
    }

    @Override
    public Destination route(RouteRequest request) {
        return new NumberPlan(NumberPlan.Ranges.defaults(), codes.codes(request.tenantId()), directory)
                .route(request);
    }
}
