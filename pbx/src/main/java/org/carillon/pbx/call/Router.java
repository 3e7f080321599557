package org.carillon.pbx.call;

/**
 * Turns a dialled number into a {@link Destination}. The routing feature implements it (so routing depends on call,
 * never the reverse); the call engine asks it once per new call.
 *
 * <p>Threads: thread-safe and non-blocking (called on a call's executor).
 */
@FunctionalInterface
public interface Router {

    Destination route(RouteRequest request);
}
