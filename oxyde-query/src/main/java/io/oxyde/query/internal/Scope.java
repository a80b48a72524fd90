package io.oxyde.query.internal;

import io.oxyde.codec.ColumnRef;
import io.oxyde.codec.Join;
import io.oxyde.exception.RenderException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * The relations a statement can refer to: its main table and its join aliases. Resolves a
 * {@link ColumnRef} to a quoted, qualified jOOQ field, or fails naming the unknown alias.
 */
final class Scope {
    private final String table;
    private final String description;
    private final Map<String, Join> joins = new LinkedHashMap<>();

    public Scope(String table, String description) {
        this.table = table;
        this.description = description;
    }

    /** Adds a join; its {@code left} must name the main table or an earlier alias. */
    public void addJoin(Join join, String where) {
        if (join.alias().equals(table) || joins.containsKey(join.alias())) {
            throw new RenderException(where + " of " + description + ": join alias '" + join.alias()
                    + "' is used twice (or equals the main table's name)");
        }
        column(join.left(), where + " (left side of join '" + join.alias() + "')");
        joins.put(join.alias(), join);
    }

    public Table<?> mainTable() {
        return DSL.table(DSL.quotedName(table));
    }

    /** The field for {@code ref}, qualified by the main table or the join alias it names. */
    public Field<Object> column(ColumnRef ref, String where) {
        if (ref.source() == null || ref.source().equals(table) && !joins.containsKey(ref.source())) {
            return DSL.field(DSL.quotedName(table, ref.column()));
        }
        if (!joins.containsKey(ref.source())) {
            throw new RenderException(where + " of " + description + ": unknown join alias '" + ref.source()
                    + "' in column " + ref + " (known: " + known() + ")");
        }
        return DSL.field(DSL.quotedName(ref.source(), ref.column()));
    }

    /** An unqualified column name (UPDATE SET targets, INSERT columns). */
    public static Field<Object> bare(String column) {
        return DSL.field(DSL.quotedName(column));
    }

    private String known() {
        StringBuilder b = new StringBuilder("main table '" + table + "'");
        for (String alias : joins.keySet()) {
            b.append(", '").append(alias).append("'");
        }
        return b.toString();
    }
}
