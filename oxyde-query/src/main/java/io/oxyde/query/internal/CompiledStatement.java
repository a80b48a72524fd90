package io.oxyde.query.internal;

import io.oxyde.codec.Value;
import io.oxyde.query.SqlStatement;
import java.util.BitSet;
import java.util.List;

/**
 * One rendered SQL text and, per {@code ?} in order, where its value comes from. What binding
 * needs to know of the binds as a whole (which are untyped, whether every one takes its slot as
 * it is) is derived here once, from the binds alone.
 */
public final class CompiledStatement {
    private final String sql;
    private final List<BindSpec> binds;
    private final BitSet untyped = new BitSet();
    /**
     * Whether {@code ?} number <i>i</i> takes slot <i>i</i> untransformed for every {@code ?}
     * (an insert, most updates, raw SQL): binding then checks the slot values and hands them on
     * without resolving each one.
     */
    private final boolean direct;

    public CompiledStatement(String sql, List<BindSpec> binds) {
        this.sql = sql;
        this.binds = List.copyOf(binds);
        boolean inPlace = true;
        for (int i = 0; i < this.binds.size(); i++) {
            BindSpec b = this.binds.get(i);
            if (b.transform() == Transform.UNTYPED) {
                untyped.set(i);
            }
            inPlace &= b.slot() == i && (b.transform() == Transform.NONE || b.transform() == Transform.UNTYPED);
        }
        this.direct = inPlace;
    }

    /** The SQL text. */
    public String sql() {
        return sql;
    }

    /** Per {@code ?}, in order, where its value comes from. */
    public List<BindSpec> binds() {
        return binds;
    }

    /** The statement with this execution's values bound. */
    public SqlStatement bind(List<Value> slotValues) {
        if (direct && slotValues.size() == binds.size()) {
            for (int i = 0; i < binds.size(); i++) {
                binds.get(i).check(slotValues.get(i));
            }
            return new SqlStatement(sql, slotValues, untyped);
        }
        Value[] values = new Value[binds.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = binds.get(i).resolve(slotValues);
        }
        return new SqlStatement(sql, List.of(values), untyped); // immutable: the statement keeps it as it is
    }
}
