package org.carillon.pbx.schedule;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks REST controllers whose schedule, holiday and profile errors {@link ScheduleApiAdvice} maps to HTTP. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ScheduleErrors {
}
