package io.oxyde.examples;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A result printed as an aligned plain-text table: numbers right-aligned, everything else left,
 * long cells shortened with an ellipsis so a row fits a terminal. Plain ASCII (plus the
 * ellipsis), so it reads the same in a terminal and in a CI log.
 */
public final class TextTable {
    private static final int MAX_CELL = 60;

    private final List<String> headers;
    private final List<Object[]> rows = new ArrayList<>();

    private TextTable(List<String> headers) {
        this.headers = headers;
    }

    /** A table with these column headers. */
    public static TextTable of(String... headers) {
        if (headers.length == 0) {
            throw new IllegalArgumentException("a table needs at least one column");
        }
        return new TextTable(List.of(headers));
    }

    /** Adds a row; it must have one cell per header. {@code null} prints as {@code NULL}. */
    public TextTable row(Object... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException("row " + Arrays.toString(cells) + " has " + cells.length
                    + " cells, the table has " + headers.size() + " columns " + headers);
        }
        rows.add(cells.clone());
        return this;
    }

    /** The number of rows added so far. */
    public int size() {
        return rows.size();
    }

    /** The table as text, one line per row, each line ending with a newline. */
    public String render() {
        int[] width = new int[headers.size()];
        boolean[] numeric = new boolean[headers.size()];
        Arrays.fill(numeric, !rows.isEmpty());
        for (int c = 0; c < width.length; c++) {
            width[c] = headers.get(c).length();
        }
        List<String[]> text = new ArrayList<>();
        for (Object[] row : rows) {
            String[] cells = new String[row.length];
            for (int c = 0; c < row.length; c++) {
                cells[c] = cell(row[c]);
                width[c] = Math.max(width[c], cells[c].length());
                numeric[c] &= row[c] == null || row[c] instanceof Number;
            }
            text.add(cells);
        }
        StringBuilder out = new StringBuilder();
        line(out, headers.toArray(String[]::new), width, new boolean[width.length]);
        StringBuilder rule = new StringBuilder("  ");
        for (int c = 0; c < width.length; c++) {
            rule.append(c == 0 ? "" : "-+-").append("-".repeat(width[c]));
        }
        out.append(rule).append('\n');
        for (String[] cells : text) {
            line(out, cells, width, numeric);
        }
        return out.toString();
    }

    /** Prints {@link #render()} and the row count. */
    public void print(PrintStream out) {
        out.print(render());
        out.println("  (" + rows.size() + (rows.size() == 1 ? " row)" : " rows)"));
    }

    private static void line(StringBuilder out, String[] cells, int[] width, boolean[] right) {
        StringBuilder line = new StringBuilder("  ");
        for (int c = 0; c < cells.length; c++) {
            line.append(c == 0 ? "" : " | ");
            String pad = " ".repeat(width[c] - cells[c].length());
            line.append(right[c] ? pad + cells[c] : cells[c] + pad);
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }

    private static String cell(Object value) {
        String s;
        if (value == null) {
            s = "NULL";
        } else if (value instanceof BigDecimal d) {
            s = d.toPlainString();
        } else {
            s = value.toString();
        }
        s = s.replace('\n', ' ');
        return s.length() > MAX_CELL ? s.substring(0, MAX_CELL - 1) + "…" : s;
    }
}
