package io.oxyde.internal.ir;

import io.oxyde.codec.ColumnRef;
import io.oxyde.codec.FilterNode;
import io.oxyde.codec.Lookup;
import io.oxyde.codec.Value;
import io.oxyde.exception.FieldException;
import io.oxyde.exception.MappingException;
import io.oxyde.internal.mapping.ModelMapper;
import io.oxyde.internal.model.CompositeForeignKeys;
import io.oxyde.meta.FieldMeta;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A filter on a foreign key to a composite key, which has one column per key column:
 * {@code eq} (a {@code Ref}, a target model or the list of key values) is every column equal,
 * {@code ne} a reference (no column NULL) with some column different, {@code in} any of the keys, and {@code isnull} every column
 * NULL ({@code false}: not every column NULL, its exact complement). Each condition is
 * two-valued, so {@code exclude} returns exactly the rows {@code filter} does not.
 */
public final class CompositeForeignKeyFilter {

    private CompositeForeignKeyFilter() {
    }

    /**
     * Whether {@code r} ends on a foreign key to a composite key, which this filter takes (not
     * {@code relation__isnull}, which tests one column of the joined row).
     */
    public static boolean applies(Resolved r) {
        return CompositeForeignKeys.isPart(r.field()) && !r.relationTest();
    }

    /** The condition of {@code lookup} with {@code value} on the foreign key {@code r} ends on. */
    public static FilterNode condition(Resolved r, Lookup lookup, Object value) {
        FieldMeta field = r.field();
        Class<?> model = r.owner().modelClass();
        List<ColumnRef> columns = new ArrayList<>();
        for (FieldMeta part : CompositeForeignKeys.columnsOf(r.owner(), field)) {
            columns.add(new ColumnRef(r.alias(), part.column()));
        }
        switch (lookup) {
            case ISNULL -> {
                if (!(value instanceof Boolean b)) {
                    throw new FieldException(model, field.name(), "\"isnull\" needs a Boolean, got " + value,
                            List.of("Boolean"));
                }
                return b ? allNull(columns) : new FilterNode.Not(allNull(columns));
            }
            case EQ -> {
                return value == null ? allNull(columns) : matches(columns, values(r, value));
            }
            case NE -> {
                if (value == null) {
                    return new FilterNode.Not(allNull(columns));
                }
                // as a one-column ne: a reference to another row (a NULL reference is neither)
                List<FilterNode> other = new ArrayList<>();
                for (ColumnRef c : columns) {
                    other.add(new FilterNode.Condition(c, Lookup.ISNULL, Value.Bool.FALSE));
                }
                other.add(new FilterNode.Not(matches(columns, values(r, value))));
                return new FilterNode.And(other);
            }
            case IN -> {
                if (!(value instanceof Collection<?> items)) {
                    throw new FieldException(model, field.name(), "\"in\" needs a Collection of references, got " + value,
                            List.of("a Collection"));
                }
                List<FilterNode> any = new ArrayList<>();
                for (Object item : items) {
                    if (item != null) { // NULL is in no list
                        any.add(matches(columns, values(r, item)));
                    }
                }
                return any.isEmpty() ? new FilterNode.Condition(columns.get(0), Lookup.IN, new Value.Array(List.of()))
                        : new FilterNode.Or(any);
            }
            default -> throw new FieldException(model, field.name(), "a foreign key to the composite key of "
                    + field.foreignKey().target().getSimpleName() + " takes eq, ne, in and isnull, not \""
                    + lookup.wireName() + "\"; compare a key part through the relation instead ("
                    + field.name() + "__" + field.foreignKey().targetField() + ")", List.of("exact", "ne", "in", "isnull"));
        }
    }

    /** Refuses an operand other than a value (F, a subquery, a function, an outer reference). */
    public static FieldException unsupportedOperand(Resolved r, Object value) {
        return new FieldException(r.owner().modelClass(), r.field().name(), "a foreign key to the composite key of "
                + r.field().foreignKey().target().getSimpleName() + " is compared with a Ref, a model or its key values,"
                + " not with " + value.getClass().getSimpleName(), List.of("Ref", "exact", "isnull"));
    }

    private static List<Value> values(Resolved r, Object value) {
        try {
            return ModelMapper.of(r.owner().modelClass()).toValues(r.field().name(), value);
        } catch (MappingException e) {
            throw new FieldException(r.owner().modelClass(), r.field().name(), e.getMessage(), List.of("Ref"));
        }
    }

    /** Every column equal to its value and not NULL: two-valued, so NOT keeps exactly the other rows. */
    private static FilterNode matches(List<ColumnRef> columns, List<Value> values) {
        List<FilterNode> all = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            all.add(new FilterNode.Condition(columns.get(i), Lookup.EQ, values.get(i)));
            all.add(new FilterNode.Condition(columns.get(i), Lookup.ISNULL, Value.Bool.FALSE));
        }
        return new FilterNode.And(all);
    }

    private static FilterNode allNull(List<ColumnRef> columns) {
        List<FilterNode> all = new ArrayList<>();
        for (ColumnRef c : columns) {
            all.add(new FilterNode.Condition(c, Lookup.ISNULL, Value.Bool.TRUE));
        }
        return new FilterNode.And(all);
    }
}
