package org.carillon.pbx.audit;

import org.carillon.platform.web.CsvLines;

import java.util.List;

/** The audit log as CSV (RFC 4180, UTC times), one entry per line after a header line. */
final class AuditCsv {
    static final List<String> HEADER = List.of("id", "occurredAt", "actor", "action", "objectType", "objectId",
            "detail", "source", "before", "after");

    private AuditCsv() {
    }

    static String write(List<AuditEntry> entries) {
        StringBuilder b = new StringBuilder(CsvLines.line(HEADER));
        for (AuditEntry e : entries) {
            b.append(CsvLines.line(List.of(Long.toString(e.id()), e.occurredAt().toString(), e.actor(), e.action(),
                    e.objectType(), e.objectId(), e.detail(), e.source(), e.before().orElse(""),
                    e.after().orElse(""))));
        }
        return b.toString();
    }
}
