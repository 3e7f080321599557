package org.carillon.pbx.routing;

import org.carillon.pbx.call.Destination;
import org.carillon.pbx.call.RouteRequest;
import org.carillon.pbx.call.Router;
import org.carillon.pbx.extension.DeviceDirectory;
import org.springframework.stereotype.Component;

/** The PBX's {@link Router}: the default {@link NumberPlan} over the extensions in memory. */
@Component
public class NumberPlanRouter implements Router {
    private final NumberPlan plan;

    public NumberPlanRouter(DeviceDirectory devices) {
        this.plan = NumberPlan.defaults((tenant, number) -> devices.findByNumber(tenant, number).isPresent());
    }

    @Override
    public Destination route(RouteRequest request) {
        return plan.route(request);
    }
}
