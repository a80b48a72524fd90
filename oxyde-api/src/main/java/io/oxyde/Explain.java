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
        return core.target.query(Query.explainIr(core.target.dialect(), st), null).thenApply(rs -> {
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
