package org.carillon.portal.access;

import jakarta.servlet.http.HttpServletRequest;
import org.carillon.platform.security.FailClosedAccessInterceptor;

import java.util.List;

/**
 * Enforces {@link Allowed} on every handler of the portal's own controllers: no annotation means nobody may call it
 * (fail closed, {@link FailClosedAccessInterceptor}); a signed-in user whose role lacks the permission gets 403.
 * Staff reaching a customer-scoped handler get 404 through {@link Viewer#customer()}, not here.
 */
public final class AccessInterceptor extends FailClosedAccessInterceptor<Allowed> {
    private final ViewerLookup viewers;

    public AccessInterceptor(ViewerLookup viewers) {
        super("org.carillon.portal.", Allowed.class, List.of(MachineEndpoint.class));
        this.viewers = viewers;
    }

    @Override
    protected boolean grants(HttpServletRequest request, Allowed required) {
        return viewers.current(request).map(viewer -> viewer.can(required.value())).orElse(false);
    }

    @Override
    protected RuntimeException refusal() {
        return new ForbiddenException();
    }
}
