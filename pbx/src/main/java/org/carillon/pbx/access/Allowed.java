package org.carillon.pbx.access;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The permission a PBX handler method (or every method of a controller) requires; see {@link Permission}. A method's
 * annotation overrides its class's. Without one the handler is refused ({@link AccessInterceptor}).
 */
@Documented
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Allowed {
    Permission value();
}
