package io.oxyde;

import io.oxyde.codec.ColumnRef;
import io.oxyde.codec.Expr;
import io.oxyde.codec.FilterNode;
import io.oxyde.codec.JoinKind;
import io.oxyde.codec.Lookup;
import io.oxyde.codec.Value;
import io.oxyde.codec.ValueKind;
import io.oxyde.internal.ir.Lookups;
import io.oxyde.internal.ir.Paths;
import io.oxyde.internal.ir.Resolved;
import io.oxyde.internal.ir.ToManySubquery;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import io.oxyde.exception.FieldException;
import io.oxyde.meta.FieldMeta;

/**
 * A filter comparing a field with an {@link F} expression over columns (Django's
 * {@code filter(bytes__lt=F("milliseconds") * 20)}): a {@code compare} node, checked when
 * built. A bare column must have the field's type (or both be numbers); arithmetic needs numbers
 * throughout. Under
 * negation the comparison is made two-valued like any other (rows with NULL operands are kept).
 */
final class ColumnComparison {

    private static final Set<Lookup> LOOKUPS = EnumSet.of(Lookup.EQ, Lookup.NE, Lookup.GT, Lookup.GTE, Lookup.LT,
            Lookup.LTE);
    private static final List<String> LOOKUP_NAMES = List.of("eq", "ne", "gt", "gte", "lt", "lte");
    private static final Set<ValueKind> NUMBERS = EnumSet.of(ValueKind.INT, ValueKind.FLOAT, ValueKind.DECIMAL);

    private ColumnComparison() {
    }

    static FilterNode of(QueryCore core, Resolved r, Lookup lookup, F f, boolean negated) {
        Class<?> model = r.owner().modelClass();
        String name = r.field().name();
        if (!LOOKUPS.contains(lookup)) {
            throw new FieldException(model, name, "an F expression is compared with eq, ne, gt, gte, lt or lte, not with \""
                    + lookup.wireName() + "\"", LOOKUP_NAMES);
        }
        List<ColumnRef> columns = new ArrayList<>(List.of(r.column()));
        List<FieldMeta> fields = new ArrayList<>(List.of(r.field()));
        refuseNegatedToMany(r, negated);
        core.addJoins(r.joins(), JoinKind.LEFT);
        Expr expr = f.toExpr(path -> {
            Resolved c = Paths.resolve(core.meta, path, false);
            refuseNegatedToMany(c, negated);
            core.addJoins(c.joins(), JoinKind.LEFT);
            columns.add(c.column());
            fields.add(c.field());
            return new Expr.Column(c.alias(), c.column().column());
        });
        ValueKind kind = Lookups.valueKind(r.field());
        if (f.op == F.Op.COLUMN) {
            ValueKind other = Lookups.valueKind(fields.get(1));
            if (other != kind && !(NUMBERS.contains(other) && NUMBERS.contains(kind))) {
                throw new FieldException(model, name, "an F comparison needs a column of the same type: " + f.field + " is "
                        + other + ", " + name + " is " + kind, List.of());
            }
        } else {
            for (FieldMeta x : fields) {
                if (!NUMBERS.contains(Lookups.valueKind(x))) {
                    throw new FieldException(model, name, "arithmetic in an F comparison needs numeric fields: " + x.name()
                            + " is " + Lookups.valueKind(x), List.of());
                }
            }
            checkLiterals(model, name, f);
        }
        boolean numeric = fields.stream().anyMatch(x -> Lookups.valueKind(x) == ValueKind.DECIMAL) || hasDecimal(f);
        FilterNode node = new FilterNode.Compare(r.column(), lookup, expr, numeric);
        if (!negated || lookup == Lookup.NE) {
            return node;
        }
        List<FilterNode> guarded = new ArrayList<>(List.of(node));
        for (int i = 0; i < columns.size(); i++) {
            if (fields.get(i).nullable() || columns.get(i).source() != null) {
                guarded.add(new FilterNode.Condition(columns.get(i), Lookup.ISNULL, Value.Bool.FALSE));
            }
        }
        return guarded.size() == 1 ? node : new FilterNode.And(guarded);
    }

    private static void refuseNegatedToMany(Resolved r, boolean negated) {
        if (negated && ToManySubquery.firstToMany(r.joins()) >= 0) {
            throw new FieldException(r.owner().modelClass(), r.field().name(), "an F comparison across a to-many relation"
                    + " cannot be negated (exclude, Q.not) in path \"" + r.path() + "\": it would need a correlated"
                    + " subquery; filter the relation's model instead", List.of());
        }
    }

    private static void checkLiterals(Class<?> model, String name, F f) {
        if (f.op == F.Op.VALUE && !(f.value instanceof Number)) {
            throw new FieldException(model, name, "arithmetic in an F comparison needs numbers, got "
                    + f.value.getClass().getSimpleName() + " " + f.value, List.of());
        }
        if (f.left != null) {
            checkLiterals(model, name, f.left);
        }
        if (f.right != null) {
            checkLiterals(model, name, f.right);
        }
    }

    private static boolean hasDecimal(F f) {
        return f.op == F.Op.VALUE && f.value instanceof BigDecimal
                || f.left != null && hasDecimal(f.left) || f.right != null && hasDecimal(f.right);
    }
}
