package org.carillon.pbx.audit;

import java.util.List;

/** A bad audit search: 400 with the fields named (API), errors beside the fields (page). */
class InvalidAuditFilterException extends RuntimeException {
    private final List<AuditFilter.Problem> problems;

    InvalidAuditFilterException(List<AuditFilter.Problem> problems) {
        super("invalid audit filter", null, false, false);
        this.problems = List.copyOf(problems);
    }

    List<AuditFilter.Problem> problems() {
        return problems;
    }
}
