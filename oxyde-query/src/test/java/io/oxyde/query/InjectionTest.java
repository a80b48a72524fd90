package io.oxyde.query;

import static io.oxyde.codec.FilterNode.condition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.oxyde.codec.InsertIr;
import io.oxyde.codec.Lookup;
import io.oxyde.codec.OrderBy;
import io.oxyde.codec.SelectIr;
import io.oxyde.codec.SelectMode;
import io.oxyde.codec.Value;
import io.oxyde.testkit.AllDatabases;
import io.oxyde.testkit.TestDatabase;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import io.oxyde.dialect.Dialect;

/** Hostile values and identifiers are stored and matched exactly; nothing in them is executed. */
class InjectionTest {
    static final String TABLE = "t\"a`b'c -- /*x*/ ;drop";
    static final String COLUMN = "v\"a`l'ue ?; --";
    static final List<String> VALUES = List.of(
            "'; drop table x; --",
            "\\'; select 1; -- \\",
            "50% off_!",
            "/* c */ -- x",
            "😀 emoji ✓ ÆØÅ",
            "back\\slash\\",
            "\"double\" `back` ?");
    static final String NUL = "a\u0000b";

    private final SqlRenderer renderer = new SqlRenderer();

    static String quote(Dialect d, String name) {
        return d == Dialect.MARIADB || d == Dialect.MYSQL ? "`" + name.replace("`", "``") + "`"
                : "\"" + name.replace("\"", "\"\"") + "\"";
    }

    private List<Long> ids(Connection c, Dialect d, Lookup lookup, String value) throws Exception {
        SelectIr ir = SelectIr.from(TABLE).columns("id").filter(condition(COLUMN, lookup, Value.of(value)))
                .orderBy(OrderBy.asc("id")).build();
        return Exec.run(c, renderer.render(ir, d), d).longs("id");
    }

    @AllDatabases
    void hostileValuesAndIdentifiersRoundTrip(TestDatabase db) throws Exception {
        Dialect d = Exec.dialect(db);
        try (Connection c = db.connect()) {
            String textType = d == Dialect.MARIADB ? "varchar(200)" : "text";
            Exec.ddl(c, "create table " + quote(d, TABLE) + " (id integer primary key, " + quote(d, COLUMN) + " " + textType + ")"
                    + (d == Dialect.MARIADB ? " default charset=utf8mb4 collate=utf8mb4_bin" : ""));
            List<List<Value>> rows = new ArrayList<>();
            for (int i = 0; i < VALUES.size(); i++) {
                rows.add(List.of(Value.of(i + 1), Value.of(VALUES.get(i))));
            }
            RenderedQuery insert = renderer.render(new InsertIr(null, TABLE, List.of("id", COLUMN), rows, List.of(), null), d);
            for (String v : VALUES) {
                assertThat(insert.single().sql()).doesNotContain(v);
            }
            assertThat(Exec.run(c, insert, d).updateCount()).isEqualTo(VALUES.size());

            for (int i = 0; i < VALUES.size(); i++) {
                assertThat(ids(c, d, Lookup.EQ, VALUES.get(i))).as("eq %s", VALUES.get(i)).containsExactly(i + 1L);
                assertThat(ids(c, d, Lookup.CONTAINS, VALUES.get(i))).as("contains %s", VALUES.get(i)).containsExactly(i + 1L);
            }
            assertThat(ids(c, d, Lookup.CONTAINS, "%")).containsExactly(3L);
            assertThat(ids(c, d, Lookup.CONTAINS, "_")).containsExactly(3L);
            assertThat(ids(c, d, Lookup.CONTAINS, "!")).containsExactly(3L);
            assertThat(ids(c, d, Lookup.STARTSWITH, "\\")).containsExactly(2L);
            assertThat(ids(c, d, Lookup.ENDSWITH, "slash\\")).containsExactly(6L);
            assertThat(ids(c, d, Lookup.ICONTAINS, "EMOJI ✓")).containsExactly(5L);
            assertThat(ids(c, d, Lookup.CONTAINS, "?")).containsExactly(7L);
            assertThat(ids(c, d, Lookup.CONTAINS, "*")).containsExactly(4L);
            assertThat(ids(c, d, Lookup.CONTAINS, "[")).isEmpty();
            Exec.Result count = Exec.run(c, renderer.render(SelectIr.from(TABLE).mode(SelectMode.COUNT).build(), d), d);
            assertThat(((Number) count.scalar()).longValue()).isEqualTo(VALUES.size());

            // NUL: SQLite and MariaDB store it; PostgreSQL text cannot, and the renderer refuses it
            // before sending, naming the place (the server would fail with "invalid byte sequence … 0x00").
            InsertIr nul = new InsertIr(null, TABLE, List.of("id", COLUMN), List.of(List.of(Value.of(100), Value.of(NUL))), List.of(), null);
            if (d == Dialect.POSTGRES) {
                assertThatThrownBy(() -> Exec.run(c, renderer.render(nul, d), d))
                        .isInstanceOf(io.oxyde.exception.UnsupportedFeatureException.class)
                        .hasMessageContaining("rows[0]").hasMessageContaining("NUL at index 1");
            } else {
                Exec.run(c, renderer.render(nul, d), d);
                assertThat(ids(c, d, Lookup.EQ, NUL)).containsExactly(100L);
                assertThat(ids(c, d, Lookup.EQ, "a")).isEmpty();
            }
        }
    }
}
