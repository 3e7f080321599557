package org.carillon.pbx.routing;

import org.carillon.pbx.call.Destination;
import org.carillon.pbx.call.RouteRequest;
import org.carillon.pbx.call.Router;
import org.carillon.pbx.extension.DeviceDirectory;
import org.carillon.pbx.team.TeamService;
import org.springframework.stereotype.Component;

/** The PBX's {@link Router}: the default {@link NumberPlan} over the extensions in memory. */
@Component
public class NumberPlanRouter implements Router {
    private final NumberPlan plan;

    public NumberPlanRouter(DeviceDirectory devices, TeamService teams) {
        this.plan = NumberPlan.defaults(new NumberPlan.Directory() {
            @Override
            public boolean extensionExists(long tenantId, String number) {
                return devices.findByNumber(tenantId, number).isPresent();
            }

            @Override
            public boolean teamExists(long tenantId, String number) {
                return teams.exists(tenantId, number);
            }
        });
    }

    @Override
    public Destination route(RouteRequest request) {
        return plan.route(request);
    }
}
