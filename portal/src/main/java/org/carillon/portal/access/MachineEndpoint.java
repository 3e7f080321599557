package org.carillon.portal.access;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a handler that no signed-in user calls: a machine endpoint that authenticates by what the request carries
 * (the PBX's activation, by its license key). {@link AccessInterceptor} lets it through without a viewer; the
 * handler itself must refuse what it cannot authenticate.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface MachineEndpoint {
    /** Why this endpoint needs no session, and what authenticates it instead. */
    String value();
}
