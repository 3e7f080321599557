package org.carillon.pbx.cdr;

import org.carillon.pbx.call.CallRecord;

import java.util.List;

/** The call history as CSV (RFC 4180), one call per line, with a header line. */
final class CallCsv {
    static final String HEADER = "id,caller,dialled,callee,startedAt,answeredAt,endedAt,durationSeconds,result,"
            + "sipStatus,endedBy,transfers";

    private CallCsv() {
    }

    static String write(List<CallRecord> calls) {
        StringBuilder b = new StringBuilder(HEADER).append("\r\n");
        for (CallRecord c : calls) {
            b.append(String.join(",", List.of(c.id(), cell(c.caller()), cell(c.dialled()), cell(c.callee().orElse("")),
                    c.startedAt().toString(), c.answeredAt().map(Object::toString).orElse(""), c.endedAt().toString(),
                    Long.toString(c.durationSeconds()), c.result().wire(), Integer.toString(c.status()), c.endedBy(),
                    cell(String.join(" ", c.transfers()))))).append("\r\n");
        }
        return b.toString();
    }

    /** Quotes when needed, and defuses spreadsheet formulas (a leading = + - @ becomes text). */
    static String cell(String v) {
        String s = !v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 ? "'" + v : v;
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
