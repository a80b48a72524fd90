package io.oxyde;

import io.oxyde.codec.SelectIr;
import io.oxyde.codec.Value;
import io.oxyde.internal.ir.JavaValues;
import io.oxyde.query.SqlStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Runs a select under {@code EXPLAIN} on its target's database and returns the plan lines. */
final class Explain {

    private Explain() {
    }

    static CompletableFuture<List<String>> run(QueryCore core, SelectIr ir) {
        SqlStatement st = QueryCore.RENDERER.render(ir, core.target.dialect()).single();
        return lines(core, Query.explainIr(core.target.dialect(), st));
    }

    /**
     * {@code EXPLAIN} with options: {@code analyze} runs the query and reports what happened
     * (PostgreSQL {@code EXPLAIN (ANALYZE)}, MariaDB {@code ANALYZE}, MySQL {@code EXPLAIN
     * ANALYZE}); {@code format} JSON asks for the plan as JSON. Refused, naming the dialect, where
     * the database has no such option: SQLite has neither, MySQL's EXPLAIN ANALYZE has no JSON.
     */
    static CompletableFuture<List<String>> run(QueryCore core, SelectIr ir, boolean analyze, ExplainFormat format) {
        java.util.Objects.requireNonNull(format, "format");
        io.oxyde.dialect.Dialect d = core.target.dialect();
        String what = "explain(analyze=" + analyze + ", " + format + ")";
        String prefix = switch (d) {
            case POSTGRES -> !analyze && format == ExplainFormat.TEXT ? "EXPLAIN "
                    : "EXPLAIN (" + (analyze ? "ANALYZE" + (format == ExplainFormat.JSON ? ", " : "") : "")
                    + (format == ExplainFormat.JSON ? "FORMAT JSON" : "") + ") ";
            case SQLITE -> {
                if (analyze || format != ExplainFormat.TEXT) {
                    throw new io.oxyde.exception.UnsupportedFeatureException(what, d, "SQLite has only EXPLAIN QUERY"
                            + " PLAN, as text and without running the query; use explain(), or time the query yourself"
                            + " (query on " + core.model().getSimpleName() + ")");
                }
                yield "EXPLAIN QUERY PLAN ";
            }
            case MARIADB -> (analyze ? "ANALYZE " : "EXPLAIN ") + (format == ExplainFormat.JSON ? "FORMAT=JSON " : "");
            case MYSQL -> { // MySQL 8
                if (analyze && format == ExplainFormat.JSON) {
                    throw new io.oxyde.exception.UnsupportedFeatureException(what, d, "MySQL's EXPLAIN ANALYZE writes"
                            + " only its tree text; use explain(true, TEXT) or explain(false, JSON) (query on "
                            + core.model().getSimpleName() + ")");
                }
                yield analyze ? "EXPLAIN ANALYZE " : format == ExplainFormat.JSON ? "EXPLAIN FORMAT=JSON " : "EXPLAIN ";
            }
        };
        SqlStatement st = QueryCore.RENDERER.render(ir, d).single();
        return lines(core, new io.oxyde.codec.RawIr(prefix + st.sql(), st.binds()));
    }

    private static CompletableFuture<List<String>> lines(QueryCore core, io.oxyde.codec.RawIr raw) {
        return core.target.query(raw, null).thenApply(rs -> {
            List<String> lines = new ArrayList<>();
            for (List<Value> row : rs.rows()) {
                List<String> cells = new ArrayList<>();
                for (Value v : row) {
                    cells.add(String.valueOf(JavaValues.toJava(v)));
                }
                lines.add(String.join(" | ", cells));
            }
            return lines;
        });
    }
}
