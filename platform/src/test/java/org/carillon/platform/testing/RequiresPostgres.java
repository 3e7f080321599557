package org.carillon.platform.testing;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a test class only when {@code CARILLON_TEST_POSTGRES_URL} names a PostgreSQL server. The skip is reported
 * with its reason, and {@code ./carillon test} fails the run when these classes did not run although it was set.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresPostgres.Condition.class)
public @interface RequiresPostgres {

    /** The JUnit condition behind the annotation. */
    final class Condition implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return PostgresSchema.configuredUrl().isPresent()
                    ? ConditionEvaluationResult.enabled("PostgreSQL configured")
                    : ConditionEvaluationResult.disabled("CARILLON_TEST_POSTGRES_URL is not set");
        }
    }
}
