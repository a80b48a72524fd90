package io.oxyde;

import io.oxyde.meta.FieldMeta;
import io.oxyde.codec.Assignment;
import io.oxyde.codec.BulkUpdateIr;
import io.oxyde.codec.BulkUpdateRow;
import io.oxyde.codec.ColumnRef;
import io.oxyde.codec.Expr;
import io.oxyde.codec.Value;
import io.oxyde.codec.ValueKind;
import io.oxyde.exception.InvalidQueryException;
import io.oxyde.internal.convert.Decimals;
import io.oxyde.dialect.Dialect;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Exact decimal arithmetic in updates on SQLite (issue 19 item 4). SQLite has no decimal type: it
 * stores Oxyde's decimals as exact text but computes with them in binary floating point, so
 * {@code (v + 1.00) * 1.10} on 100.00 gave 111.10000000000001 and a {@code DECIMAL(10,2)} times
 * 1.1 kept 1.089. An update whose expression computes a decimal field is therefore evaluated by
 * Oxyde on SQLite: inside one transaction it reads the key and the columns the expressions use
 * from the matching rows, computes each new value with {@link BigDecimal} (division to 34
 * significant digits), rounds it to the column's scale half away from zero (as PostgreSQL and
 * MariaDB round on assignment), and writes the rows by key in a bulk update. PostgreSQL, MySQL
 * and MariaDB compute in SQL, exactly.
 */
final class DecimalArithmetic {

    private DecimalArithmetic() {
    }

    /** Whether this update must be computed by Oxyde: SQLite, and arithmetic assigned to a decimal field. */
    static boolean computedHere(QueryCore core, List<Assignment> assignments) {
        if (core.target.dialect() != Dialect.SQLITE) {
            return false;
        }
        for (Assignment a : assignments) {
            FieldMeta f = field(core, a.column());
            if (f != null && f.kind() == ValueKind.DECIMAL && (a.value() instanceof Expr.Binary || a.value() instanceof Expr.Negate)) {
                return true;
            }
        }
        return false;
    }

    /** Reads, computes exactly and writes back by key, in one transaction; returns the rows changed. */
    static CompletableFuture<Integer> update(QueryCore core, List<Assignment> assignments) {
        if (core.meta.hasCompositeKey()) {
            return CompletableFuture.failedFuture(new io.oxyde.exception.UnsupportedFeatureException(
                    "exact decimal arithmetic in update(...) of a model with a composite key", Dialect.SQLITE,
                    "SQLite computes decimals in floating point and Oxyde computes them for it only by a single key; compute"
                            + " the values in Java and write them with bulkUpdate"));
        }
        return Transactions.auto(core.target, t -> {
            QueryCore c = core.copy(t);
            FieldMeta pk = c.meta.primaryKey();
            Set<String> read = new LinkedHashSet<>();
            read.add(pk.column());
            for (Assignment a : assignments) {
                columns(a.value(), read);
            }
            List<QueryCore.ValueColumn> values = new ArrayList<>();
            for (String column : read) {
                values.add(new QueryCore.ValueColumn(column, ColumnRef.of(column), field(c, column)));
            }
            c.values = values;
            c.eager().clear();
            c.order().clear();
            return t.query(c.toIr(), c.kinds()).thenCompose(rs -> {
                Map<Value, BulkUpdateRow> byKey = new LinkedHashMap<>();
                List<String> names = new ArrayList<>(read);
                for (List<Value> row : rs.rows()) {
                    Map<String, Value> cells = new HashMap<>();
                    for (int i = 0; i < names.size(); i++) {
                        cells.put(names.get(i), row.get(i));
                    }
                    List<Value> computed = new ArrayList<>(assignments.size());
                    for (Assignment a : assignments) {
                        computed.add(assigned(c, a, cells));
                    }
                    byKey.putIfAbsent(row.get(0), new BulkUpdateRow(row.get(0), computed));
                }
                if (byKey.isEmpty()) {
                    return CompletableFuture.completedFuture(0);
                }
                List<String> targets = assignments.stream().map(Assignment::column).toList();
                BulkUpdateIr ir = new BulkUpdateIr(c.model().getSimpleName(), c.meta.tableName(), pk.column(), targets,
                        new ArrayList<>(byKey.values()));
                return t.mutate(ir).thenApply(r -> byKey.size());
            });
        });
    }

    private static Value assigned(QueryCore c, Assignment a, Map<String, Value> cells) {
        if (a.value() instanceof Expr.Literal l) {
            return l.value();
        }
        BigDecimal v = eval(a.value(), cells, c, a.column());
        if (v == null) {
            return Value.nullValue();
        }
        FieldMeta f = field(c, a.column());
        ValueKind kind = f == null ? ValueKind.DECIMAL : f.kind();
        return switch (kind) {
            case INT -> Value.of(v.setScale(0, RoundingMode.DOWN).longValueExact());
            case FLOAT -> new Value.Float(v.doubleValue());
            default -> {
                int scale = f == null ? -1 : Decimals.columnScale(f);
                yield new Value.Decimal(scale >= 0 ? v.setScale(scale, RoundingMode.HALF_UP) : v);
            }
        };
    }

    private static BigDecimal eval(Expr e, Map<String, Value> cells, QueryCore c, String target) {
        if (e instanceof Expr.Literal l) {
            return number(l.value(), target);
        }
        if (e instanceof Expr.Column col) {
            return number(cells.get(col.name()), target);
        }
        if (e instanceof Expr.Negate n) {
            BigDecimal v = eval(n.operand(), cells, c, target);
            return v == null ? null : v.negate();
        }
        Expr.Binary b = (Expr.Binary) e;
        BigDecimal l = eval(b.left(), cells, c, target);
        BigDecimal r = eval(b.right(), cells, c, target);
        if (l == null || r == null) {
            return null; // SQL: NULL in, NULL out
        }
        return switch (b.operator()) {
            case ADD -> l.add(r);
            case SUB -> l.subtract(r);
            case MUL -> l.multiply(r);
            case DIV -> {
                if (r.signum() == 0) {
                    throw new InvalidQueryException("update of " + c.model().getSimpleName() + "." + target
                            + ": division by zero", null, null);
                }
                yield l.divide(r, MathContext.DECIMAL128);
            }
        };
    }

    private static BigDecimal number(Value v, String target) {
        if (v == null || v instanceof Value.Null) {
            return null;
        }
        if (v instanceof Value.Decimal d) {
            return d.value();
        }
        if (v instanceof Value.Int i) {
            return BigDecimal.valueOf(i.value());
        }
        if (v instanceof Value.Float f) {
            return BigDecimal.valueOf(f.value());
        }
        if (v instanceof Value.Text t) {
            return new BigDecimal(t.value().trim());
        }
        throw new InvalidQueryException("update of " + target + ": " + v.kind() + " is not a number", null, null);
    }

    private static void columns(Expr e, Set<String> out) {
        if (e instanceof Expr.Column c) {
            out.add(c.name());
        } else if (e instanceof Expr.Negate n) {
            columns(n.operand(), out);
        } else if (e instanceof Expr.Binary b) {
            columns(b.left(), out);
            columns(b.right(), out);
        }
    }

    private static FieldMeta field(QueryCore core, String column) {
        for (FieldMeta f : core.meta.fields()) {
            if (f.column().equals(column)) {
                return f;
            }
        }
        return null;
    }
}
