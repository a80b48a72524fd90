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
    /** The scope of the enclosing statement (for outer column references), or {@code null}. */
    private final Scope outer;
    /** The name the main table's columns are qualified by (the table, or a subquery's alias). */
    private final String qualifier;
    /** Prefix of rendered join aliases ("" at the top level). */
    private final String prefix;

    public Scope(String table, String description) {
        this(table, description, null);
    }

    private Scope(String table, String description, Scope outer) {
        this.table = table;
        this.description = description;
        this.outer = outer;
        int depth = 0;
        for (Scope s = outer; s != null; s = s.outer) {
            depth++;
        }
        // A subquery's relations get names of their own, so that its columns and the
        // enclosing query's never capture each other (a subquery on the same table).
        this.qualifier = outer == null ? table : "oxyde_s" + depth;
        this.prefix = outer == null ? "" : qualifier + "_";
    }

    /** The scope of a subquery on {@code table} nested in this one. */
    public Scope nested(String table, String description) {
        return new Scope(table, description, this);
    }

    /** The enclosing statement's scope, or {@code null} at the top level. */
    public Scope outer() {
        return outer;
    }

    /** The column of the enclosing statement an outer reference names. */
    public Field<Object> outerColumn(ColumnRef ref, String where) {
        if (outer == null) {
            throw new RenderException(where + " of " + description + ": outer column reference " + ref
                    + " outside a subquery");
        }
        return outer.column(ref, where + " (outer reference)");
    }

    /** The rendered name of a join alias of this scope. */
    public String joinName(String alias) {
        return prefix + alias;
    }

    /** Adds a join; its {@code left} must name the main table or an earlier alias. */
    public void addJoin(Join join, String where) {
        if (join.alias().equals(table) || joins.containsKey(join.alias())) {
            throw new RenderException(where + " of " + description + ": join alias '" + join.alias()
                    + "' is used twice (or equals the main table's name)");
        }
        for (io.oxyde.codec.JoinPair pair : join.pairs()) {
            column(pair.left(), where + " (left side of join '" + join.alias() + "')");
        }
        joins.put(join.alias(), join);
    }

    public Table<?> mainTable() {
        Table<?> t = DSL.table(DSL.quotedName(table));
        return qualifier.equals(table) ? t : t.as(DSL.quotedName(qualifier));
    }

    /** The field for {@code ref}, qualified by the main table or the join alias it names. */
    public Field<Object> column(ColumnRef ref, String where) {
        if (ref.source() == null || ref.source().equals(table) && !joins.containsKey(ref.source())) {
            return DSL.field(DSL.quotedName(qualifier, ref.column()));
        }
        if (!joins.containsKey(ref.source())) {
            throw new RenderException(where + " of " + description + ": unknown join alias '" + ref.source()
                    + "' in column " + ref + " (known: " + known() + ")");
        }
        return DSL.field(DSL.quotedName(joinName(ref.source()), ref.column()));
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
