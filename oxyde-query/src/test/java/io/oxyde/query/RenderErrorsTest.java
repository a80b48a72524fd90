package io.oxyde.query;

import static io.oxyde.codec.FilterNode.condition;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.oxyde.codec.BulkUpdateIr;
import io.oxyde.codec.ColumnRef;
import io.oxyde.codec.InsertIr;
import io.oxyde.codec.Join;
import io.oxyde.codec.JoinKind;
import io.oxyde.codec.Lookup;
import io.oxyde.codec.QueryIr;
import io.oxyde.codec.SelectIr;
import io.oxyde.codec.UpdateIr;
import io.oxyde.codec.Value;
import java.util.List;
import org.junit.jupiter.api.Test;
import io.oxyde.dialect.Dialect;
import io.oxyde.exception.RenderException;

/** IR the renderer cannot make sense of fails at render time, naming the place. */
class RenderErrorsTest {
    private final SqlRenderer r = new SqlRenderer();

    private void fails(QueryIr ir, String... fragments) {
        for (Dialect d : Dialect.values()) {
            var a = assertThatThrownBy(() -> r.render(ir, d)).isInstanceOf(RenderException.class);
            for (String f : fragments) {
                a.hasMessageContaining(f);
            }
        }
    }

    private static SelectIr where(String field, Lookup lookup, Value v) {
        return SelectIr.from("users").filter(condition(field, lookup, v)).build();
    }

    @Test
    void lookupValueKinds() {
        fails(where("age", Lookup.GT, Value.nullValue()), "filter of select on users", "age gt", "comparison with NULL");
        fails(where("age", Lookup.BETWEEN, Value.array(Value.of(1))), "between needs exactly two bounds, got 1");
        fails(where("age", Lookup.IN, Value.of(3)), "age in", "expected an array value, got INT");
        fails(where("name", Lookup.CONTAINS, Value.of(3)), "name contains", "expected a text value, got INT");
        fails(where("d", Lookup.YEAR, Value.of("2020")), "d year", "expected an integer value, got TEXT");
        fails(where("d", Lookup.ISNULL, Value.of("yes")), "isnull needs a boolean value");
        fails(where("age", Lookup.EQ, Value.array(Value.of(1))), "array value cannot be bound");
    }

    @Test
    void structure() {
        fails(SelectIr.from("a").join(new Join("x", "b", JoinKind.INNER, ColumnRef.of("y", "id"), "id", List.of())).build(),
                "joins[0]", "unknown join alias 'y'");
        fails(SelectIr.from("a").join(new Join("x", "b", JoinKind.INNER, ColumnRef.of("b_id"), "id", List.of()))
                .join(new Join("x", "c", JoinKind.LEFT, ColumnRef.of("c_id"), "id", List.of())).build(), "join alias 'x' is used twice");
        fails(SelectIr.from("a").limit(-1L).build(), "must not be negative");
        fails(new InsertIr(null, "t", List.of("a"), List.of(), List.of(), null), "insert into t: needs at least one row");
        // a list column's value is one array of scalars (issue 19); a list of lists is not
        fails(new InsertIr(null, "t", List.of("a"), List.of(List.of(Value.array(Value.array(Value.of(1))))), List.of(), null),
                "insert into t rows[0].a", "a list element cannot itself be a list");
        fails(new UpdateIr(null, "t", List.of(), null, List.of()), "update of t: an update needs at least one assignment");
        fails(new BulkUpdateIr(null, "t", "id", List.of("a"), List.of()), "bulk update of t: needs at least one row");
    }
}
