package io.oxyde;

import io.oxyde.codec.ColumnRef;
import io.oxyde.codec.FilterNode;
import io.oxyde.codec.Lookup;
import io.oxyde.codec.SelectIr;
import io.oxyde.codec.Value;
import io.oxyde.codec.ValueKind;
import io.oxyde.internal.ir.Lookups;
import java.util.List;
import io.oxyde.exception.FieldException;
import io.oxyde.meta.FieldMeta;

/**
 * A query used as the operand of {@code in}: {@code filter("id__in",
 * db.objects(Album.class).filter(...).values("artist"))} becomes {@code id IN (SELECT
 * artist_id FROM album WHERE …)}. A model query stands for its keys; a values query must select
 * one path and no annotation. The subquery also requires its column to be non-NULL, so that
 * under {@code exclude} the {@code NOT IN} keeps the rows it should.
 */
final class SubqueryOperand {

    private SubqueryOperand() {
    }

    /** Whether {@code value} is a query, to be compiled by {@link #condition}. */
    static boolean isQuery(Object value) {
        return value instanceof Query<?> || value instanceof ValuesQuery<?>;
    }

    /**
     * The {@code in_select} node comparing {@code column} (of {@code field} on {@code model}) with
     * the rows of {@code value}.
     *
     * @throws FieldException if the lookup is not {@code in}, the query selects other than one path,
     *     or that path's type differs from the field's
     */
    static FilterNode condition(Class<?> model, FieldMeta field, ColumnRef column, Lookup lookup, Object value) {
        if (lookup != Lookup.IN) {
            throw new FieldException(model, field.name(), "a query is an operand of \"in\" only, not of \""
                    + lookup.wireName() + "\"", List.of("in"));
        }
        QueryCore sub = value instanceof Query<?> q ? q.core().copy() : ((ValuesQuery<?>) value).core().copy();
        if (sub.values == null) {
            // a query of models stands for their keys, or for the field a foreign key references (toField)
            boolean referenced = field.isForeignKey() && sub.meta.modelClass() == field.foreignKey().target();
            if (!referenced && sub.meta.hasCompositeKey()) {
                throw new FieldException(model, field.name(), "a " + sub.model().getSimpleName() + " query stands for no"
                        + " single value: its primary key is composite; select one path, or compare a composite key"
                        + " with pk__in", List.of("values(\"<one path>\")", "pk__in"));
            }
            FieldMeta pk = referenced ? Lookups.referenced(field) : sub.meta.primaryKey();
            sub.values = List.of(new QueryCore.ValueColumn(pk.name(), ColumnRef.of(pk.column()), pk));
            sub.eager().clear();
        }
        if (sub.values.size() != 1 || !sub.annotations.isEmpty()) {
            throw new FieldException(model, field.name(), "an \"in\" subquery selects exactly one path, "
                    + sub.model().getSimpleName() + " query selects " + sub.values.stream()
                    .map(QueryCore.ValueColumn::key).toList() + (sub.annotations.isEmpty() ? "" : " and annotations"),
                    List.of("values(\"<one path>\")"));
        }
        QueryCore.ValueColumn selected = sub.values.get(0);
        ValueKind want = Lookups.valueKind(field);
        ValueKind got = Lookups.valueKind(selected.field());
        if (want != got) {
            throw new FieldException(model, field.name(), "an \"in\" subquery must select values of the field's type: "
                    + sub.model().getSimpleName() + "." + selected.key() + " is " + got + ", " + field.name() + " is "
                    + want, List.of());
        }
        sub.filters().add(new FilterNode.Condition(selected.column(), Lookup.ISNULL, Value.Bool.FALSE));
        SelectIr query = sub.toIr();
        return new FilterNode.InSelect(column, query);
    }
}
