package io.oxyde.query;

import static io.oxyde.codec.FilterNode.condition;
import static org.assertj.core.api.Assertions.assertThat;

import io.oxyde.codec.Aggregate;
import io.oxyde.codec.AggregateFunction;
import io.oxyde.codec.Assignment;
import io.oxyde.codec.ColumnRef;
import io.oxyde.codec.Expr;
import io.oxyde.codec.Lookup;
import io.oxyde.codec.OrderBy;
import io.oxyde.codec.SelectIr;
import io.oxyde.codec.UpdateIr;
import io.oxyde.codec.Value;
import java.util.List;
import org.junit.jupiter.api.Test;
import io.oxyde.dialect.Dialect;

/**
 * Placeholders come out in SQL order even where slot order differs (the integration tests run
 * the same queries; these pin the bind lists, on every dialect including MySQL).
 */
class BindOrderTest {
    private final SqlRenderer r = new SqlRenderer();

    @Test
    void whereBeforeHavingBeforeLimit() {
        SelectIr ir = SelectIr.from("albums").column(ColumnRef.of("artist_id"))
                .filter(condition("id", Lookup.LT, Value.of(5)))
                .aggregate(new Aggregate(AggregateFunction.COUNT, null, false, "n"))
                .groupBy(ColumnRef.of("artist_id"))
                .having(condition("n", Lookup.GTE, Value.of(2)))
                .orderBy(OrderBy.asc("artist_id")).limit(7L).offset(3L).build();
        for (Dialect d : Dialect.values()) {
            SqlStatement st = r.render(ir, d).single();
            assertThat(st.sql().chars().filter(ch -> ch == '?').count()).isEqualTo(st.binds().size());
            assertThat(st.binds()).as("%s: %s", d, st.sql()).startsWith(Value.of(5L), Value.of(2L));
            // Some dialects render OFFSET before FETCH/LIMIT; the binds follow the text.
            String sql = st.sql().toLowerCase();
            int limitAt = Math.max(sql.indexOf(" limit "), sql.indexOf(" fetch "));
            if (sql.indexOf(" offset ") < limitAt) {
                assertThat(st.binds().subList(2, 4)).containsExactly(Value.of(3L), Value.of(7L));
            } else {
                assertThat(st.binds().subList(2, 4)).containsExactly(Value.of(7L), Value.of(3L));
            }
        }
    }

    @Test
    void setValuesBeforeWhereAndLikeTransforms() {
        UpdateIr u = new UpdateIr(null, "t", List.of(
                new Assignment("a", Expr.value(Value.of("x"))),
                new Assignment("b", new Expr.Binary(io.oxyde.codec.ArithmeticOperator.MUL, Expr.column("b"), Expr.value(Value.of(3))))),
                io.oxyde.codec.FilterNode.and(condition("name", Lookup.ICONTAINS, Value.of("50%_É")),
                        condition("d", Lookup.YEAR, Value.of(2021))), List.of());
        for (Dialect d : Dialect.values()) {
            SqlStatement st = r.render(u, d).single();
            assertThat(st.binds()).as(d + ": " + st.sql()).containsExactly(Value.of("x"), Value.of(3L), Value.of("%50!%!_é%"),
                    Value.of(java.time.LocalDate.of(2021, 1, 1)), Value.of(java.time.LocalDate.of(2022, 1, 1)));
        }
    }

    @Test
    void caseSensitiveLookupsPerDialect() {
        SelectIr ir = SelectIr.from("t").filter(condition("name", Lookup.STARTSWITH, Value.of("a*b?[c]%"))).build();
        assertThat(r.render(ir, Dialect.SQLITE).single().binds()).containsExactly(Value.of("a[*]b[?][[]c]%*"));
        assertThat(r.render(ir, Dialect.SQLITE).single().sql()).contains(" glob ?");
        assertThat(r.render(ir, Dialect.POSTGRES).single().binds()).containsExactly(Value.of("a*b?[c]!%%"));
        assertThat(r.render(ir, Dialect.MYSQL).single().sql()).contains("like cast(? as binary) escape '!'");
        SelectIr re = SelectIr.from("t").filter(condition("name", Lookup.IREGEX, Value.of("^a"))).build();
        assertThat(r.render(re, Dialect.MYSQL).single().binds()).containsExactly(Value.of("(?i)^a"));
        assertThat(r.render(re, Dialect.POSTGRES).single().sql()).contains("~* ?");
    }
}
