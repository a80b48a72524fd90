package io.oxyde.query.internal;

import io.oxyde.codec.Value;
import io.oxyde.query.SqlStatement;
import java.util.ArrayList;
import java.util.List;

/**
 * One rendered SQL text and, per {@code ?} in order, where its value comes from.
 *
 * @param direct whether {@code ?} number <i>i</i> takes slot <i>i</i> as it is, for every
 *     {@code ?} and slot (an insert, most updates): then binding checks the kinds and hands the
 *     slot values on without resolving each one
 */
public record CompiledStatement(String sql, List<BindSpec> binds, java.util.BitSet untyped, boolean direct) {
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
        this(sql, binds, null, direct(binds));
    }

    private static boolean direct(List<BindSpec> binds) {
        for (int i = 0; i < binds.size(); i++) {
            BindSpec b = binds.get(i);
            if (b.slot() != i || (b.transform() != Transform.NONE && b.transform() != Transform.UNTYPED)) {
                return false;
            }
        }
        return true;
    }

    /** The statement with this execution's values bound. */
    public SqlStatement bind(List<Value> slotValues) {
        if (direct && slotValues.size() == binds.size()) {
            for (int i = 0; i < binds.size(); i++) {
                binds.get(i).check(slotValues.get(i));
            }
            return new SqlStatement(sql, slotValues, untyped);
        }
        List<Value> values = new ArrayList<>(binds.size());
        for (BindSpec b : binds) {
            values.add(b.resolve(slotValues));
        }
        return new SqlStatement(sql, values, untyped);
    }
}
