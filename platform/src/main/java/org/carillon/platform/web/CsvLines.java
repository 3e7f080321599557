package org.carillon.platform.web;

import java.util.List;

/**
 * Writes RFC 4180 CSV lines for the apps' exports: comma-separated, fields quoted with {@code "} when they hold a
 * comma, quote or line break, quotes doubled inside. Cells starting with {@code = + - @} are prefixed with {@code '}
 * so a spreadsheet never runs them as formulas (OWASP CSV injection) — except phone numbers like {@code +44 20 1234}.
 */
public final class CsvLines {
    private CsvLines() {
    }

    /** One line, ending in CRLF; a null cell is empty. */
    public static String line(List<String> cells) {
        StringBuilder sb = new StringBuilder();
        for (String c : cells) {
            if (!sb.isEmpty()) {
                sb.append(',');
            }
            String v = c == null ? "" : c;
            if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 && !v.matches("^\\+[0-9 ()./-]*$")) {
                v = "'" + v;
            }
            if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
                v = "\"" + v.replace("\"", "\"\"") + "\"";
            }
            sb.append(v);
        }
        return sb.append("\r\n").toString();
    }
}
