package org.carillon.pbx.extension;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV reading: comma-separated, fields quoted with {@code "} when they hold a comma, quote or line break,
 * quotes doubled inside. Writing is the platform's {@link org.carillon.platform.web.CsvLines}.
 */
final class Csv {
    private Csv() {
    }

    /**
     * Parses a whole document into rows of cells (blank lines skipped).
     *
     * @throws IllegalArgumentException on an unterminated quote
     */
    static List<List<String>> parse(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        int i = 0;
        String s = text.startsWith("\uFEFF") ? text.substring(1) : text;
        while (i < s.length()) {
            char ch = s.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < s.length() && s.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"' && cell.isEmpty()) {
                quoted = true;
            } else if (ch == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(cell.toString());
                cell.setLength(0);
                if (!(row.size() == 1 && row.getFirst().isBlank())) {
                    rows.add(row);
                }
                row = new ArrayList<>();
            } else {
                cell.append(ch);
            }
            i++;
        }
        if (quoted) {
            throw new IllegalArgumentException("a quoted field is not closed");
        }
        if (!cell.isEmpty() || !row.isEmpty()) {
            row.add(cell.toString());
            rows.add(row);
        }
        return rows;
    }
}
