package io.oxyde.query.internal;

import io.oxyde.codec.Value;
import io.oxyde.query.SqlStatement;
import java.util.ArrayList;
import java.util.List;

/** One rendered SQL text and, per {@code ?} in order, where its value comes from. */
public record CompiledStatement(String sql, List<BindSpec> binds, java.util.BitSet untyped) {
    public CompiledStatement {
        binds = List.copyOf(binds);
        if (untyped == null) {
            untyped = new java.util.BitSet();
            for (int i = 0; i < binds.size(); i++) {
                if (binds.get(i).transform() == Transform.UNTYPED) {
                    untyped.set(i);
                }
            }
        }
    }

    public CompiledStatement(String sql, List<BindSpec> binds) {
        this(sql, binds, null);
    }

    /** The statement with this execution's values bound. */
    public SqlStatement bind(List<Value> slotValues) {
        List<Value> values = new ArrayList<>(binds.size());
        for (BindSpec b : binds) {
            values.add(b.resolve(slotValues));
        }
        return new SqlStatement(sql, values, untyped);
    }
}
