package io.oxyde.query.internal;

import io.oxyde.codec.Assignment;
import io.oxyde.codec.BulkUpdateIr;
import io.oxyde.codec.BulkUpdateRow;
import io.oxyde.codec.ConflictAction;
import io.oxyde.codec.DeleteIr;
import io.oxyde.codec.InsertIr;
import io.oxyde.codec.OnConflict;
import io.oxyde.codec.UpdateIr;
import io.oxyde.codec.Value;
import io.oxyde.dialect.Dialect;
import io.oxyde.exception.RenderException;
import io.oxyde.exception.UnsupportedFeatureException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.CaseValueStep;
import org.jooq.CaseWhenStep;
import org.jooq.Condition;
import org.jooq.DeleteConditionStep;
import org.jooq.DeleteWhereStep;
import org.jooq.Field;
import org.jooq.InsertQuery;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.UpdateQuery;
import org.jooq.impl.DSL;

/** Translates INSERT, UPDATE, bulk UPDATE and DELETE IR into jOOQ statements. */
final class MutationCompiler {
    private MutationCompiler() {
    }

    /** One INSERT of {@code rows} (a chunk of the IR's rows). */
    public static CompiledStatement insert(InsertIr ir, List<List<Value>> rows, int firstRow, Binder b) {
        Dialect d = b.dialect();
        String description = "insert into " + ir.table();
        Table<Record> table = DSL.table(DSL.quotedName(ir.table()));
        List<Field<?>> columns = new ArrayList<>();
        for (String c : ir.columns()) {
            columns.add(Scope.bare(c));
        }
        InsertQuery<Record> q = b.ctx().insertQuery(table);
        if (ir.columns().isEmpty()) {
            if (rows.size() != 1) {
                throw new RenderException(description + ": an insert without columns can insert only one row (default values)");
            }
            q.setDefaultValues();
        } else {
            for (int r = 0; r < rows.size(); r++) {
                if (r > 0) {
                    q.newRecord();
                }
                List<Value> row = rows.get(r);
                for (int c = 0; c < columns.size(); c++) {
                    String at = description + " rows[" + (firstRow + r) + "]." + ir.columns().get(c);
                    addValue(q, columns.get(c), b.bindValue(row.get(c), at));
                }
            }
        }
        OnConflict oc = ir.onConflict();
        if (oc != null) {
            onConflict(q, ir, oc, b, description);
        }
        String suffix = "";
        if (!ir.returning().isEmpty()) {
            if (d == Dialect.SQLITE) {
                // jOOQ's open-source SQLite dialect drops RETURNING (it would fetch generated keys); SQLite 3.35+ has it.
                suffix = returningClause(ir.returning(), b);
            } else if (d.supportsReturning()) {
                q.setReturning(returningFields(ir.returning()));
            }
        }
        return b.finish(q, suffix);
    }

    private static void addValue(InsertQuery<Record> q, Field<?> column, Field<Object> value) {
        q.addValues(Map.of(column, value));
    }

    private static void onConflict(InsertQuery<Record> q, InsertIr ir, OnConflict oc, Binder b, String description) {
        Dialect d = b.dialect();
        List<Field<?>> target = new ArrayList<>();
        for (String c : oc.target()) {
            target.add(Scope.bare(c));
        }
        boolean mysql = d == Dialect.MYSQL || d == Dialect.MARIADB;
        if (oc.action() == ConflictAction.DO_NOTHING) {
            if (mysql) {
                // ON DUPLICATE KEY UPDATE c = c: a no-op on a duplicate key only (INSERT IGNORE would
                // also swallow NOT NULL, truncation and foreign-key errors).
                String anchor = oc.target().isEmpty() ? firstColumn(ir, description) : oc.target().get(0);
                q.onDuplicateKeyUpdate(true);
                Field<Object> f = DSL.field(DSL.quotedName(ir.table(), anchor));
                q.addValuesForUpdate(Map.of(f, f));
            } else {
                if (!target.isEmpty()) {
                    q.onConflict(target);
                }
                q.onDuplicateKeyIgnore(true);
            }
            return;
        }
        if (oc.updateColumns().isEmpty()) {
            throw new RenderException(description + ": on conflict do update needs at least one update column");
        }
        if (!mysql) {
            if (target.isEmpty()) {
                throw new RenderException(description + ": on conflict do update needs a conflict target on " + d);
            }
            q.onConflict(target);
        }
        q.onDuplicateKeyUpdate(true);
        for (String c : oc.updateColumns()) {
            Field<Object> f = Scope.bare(c);
            if (!ir.columns().contains(c)) {
                throw new RenderException(description + ": update column '" + c + "' of on conflict is not an inserted column");
            }
            // PostgreSQL/SQLite: EXCLUDED.c; MySQL: the row alias form; MariaDB: VALUES(c).
            q.addValuesForUpdate(Map.of(f, DSL.excluded(f)));
        }
    }

    private static String firstColumn(InsertIr ir, String description) {
        if (ir.columns().isEmpty()) {
            throw new RenderException(description + ": on conflict do nothing needs a target or a column on MySQL/MariaDB");
        }
        return ir.columns().get(0);
    }

    public static CompiledStatement update(UpdateIr ir, Binder b) {
        String description = "update of " + ir.table();
        if (ir.assignments().isEmpty()) {
            throw new RenderException(description + ": an update needs at least one assignment");
        }
        Scope scope = new Scope(ir.table(), description);
        UpdateQuery<Record> q = b.ctx().updateQuery(DSL.table(DSL.quotedName(ir.table())));
        Map<Field<?>, Field<?>> set = new LinkedHashMap<>();
        for (int i = 0; i < ir.assignments().size(); i++) {
            Assignment a = ir.assignments().get(i);
            set.put(DSL.field(DSL.quotedName(ir.table(), a.column())), Expressions.build(a.value(), scope::column, scope, b, description + " assignments[" + i + "] (" + a.column() + ")"));
        }
        q.addValues(set);
        if (ir.filter() != null) {
            q.addConditions(Conditions.ofMutation(b, scope::column, "filter of " + description, ir.table()).in(scope).build(ir.filter()));
        }
        String suffix = returning(ir.returning(), b, "update … returning", b.dialect().supportsUpdateReturning(), q::setReturning);
        return b.finish(q, suffix);
    }

    public static CompiledStatement bulkUpdate(BulkUpdateIr ir, Binder b) {
        String description = "bulk update of " + ir.table();
        if (ir.rows().isEmpty() || ir.columns().isEmpty()) {
            throw new RenderException(description + ": needs at least one row and one column");
        }
        Field<Object> key = DSL.field(DSL.quotedName(ir.table(), ir.keyColumn()));
        Map<Field<?>, Field<?>> set = new LinkedHashMap<>();
        for (int c = 0; c < ir.columns().size(); c++) {
            String column = ir.columns().get(c);
            Field<Object> target = DSL.field(DSL.quotedName(ir.table(), column));
            CaseValueStep<Object> choose = DSL.choose(key);
            CaseWhenStep<Object, Object> when = null;
            for (int r = 0; r < ir.rows().size(); r++) {
                BulkUpdateRow row = ir.rows().get(r);
                String at = description + " rows[" + r + "]." + column;
                Field<Object> k = b.bind(row.key(), Transform.NONE, at + " (key)");
                Field<Object> v = b.bindValue(row.values().get(c), at);
                when = when == null ? choose.when(k, v) : when.when(k, v);
            }
            set.put(target, when.otherwise(target));
        }
        List<Field<Object>> keys = new ArrayList<>();
        for (int r = 0; r < ir.rows().size(); r++) {
            keys.add(b.bind(ir.rows().get(r).key(), Transform.NONE, description + " rows[" + r + "] (key)"));
        }
        UpdateQuery<Record> q = b.ctx().updateQuery(DSL.table(DSL.quotedName(ir.table())));
        q.addValues(set);
        q.addConditions(key.in(keys));
        return b.finish(q);
    }

    public static CompiledStatement delete(DeleteIr ir, Binder b) {
        String description = "delete from " + ir.table();
        Scope scope = new Scope(ir.table(), description);
        DeleteWhereStep<Record> del = b.ctx().deleteFrom(DSL.table(DSL.quotedName(ir.table())));
        Condition where = ir.filter() == null ? DSL.noCondition()
                : Conditions.ofMutation(b, scope::column, "filter of " + description, ir.table()).in(scope).build(ir.filter());
        DeleteConditionStep<Record> q = del.where(where);
        if (ir.returning().isEmpty()) {
            return b.finish(q);
        }
        Dialect d = b.dialect();
        if (!d.supportsDeleteReturning()) {
            throw new UnsupportedFeatureException("delete … returning", d, "use a select before the delete");
        }
        if (d == Dialect.SQLITE) {
            return b.finish(q, returningClause(ir.returning(), b));
        }
        return b.finish(q.returning(returningFields(ir.returning())));
    }

    private interface ReturningSetter {
        void set(List<Field<?>> fields);
    }

    private static String returning(List<String> columns, Binder b, String feature, boolean supported, ReturningSetter setter) {
        if (columns.isEmpty()) {
            return "";
        }
        if (!supported) {
            throw new UnsupportedFeatureException(feature, b.dialect(), "select the rows after the update instead");
        }
        if (b.dialect() == Dialect.SQLITE) {
            return returningClause(columns, b);
        }
        setter.set(returningFields(columns));
        return "";
    }

    private static List<Field<?>> returningFields(List<String> columns) {
        List<Field<?>> out = new ArrayList<>();
        for (String c : columns) {
            out.add(Scope.bare(c));
        }
        return out;
    }

    private static String returningClause(List<String> columns, Binder b) {
        StringBuilder sb = new StringBuilder(" returning ");
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(b.render(DSL.quotedName(columns.get(i))));
        }
        return sb.toString();
    }


}
