package io.oxyde.query;

import static io.oxyde.codec.FilterNode.condition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.oxyde.codec.ArithmeticOperator;
import io.oxyde.codec.Assignment;
import io.oxyde.codec.BulkUpdateIr;
import io.oxyde.codec.BulkUpdateRow;
import io.oxyde.codec.DeleteIr;
import io.oxyde.codec.Expr;
import io.oxyde.codec.InsertIr;
import io.oxyde.codec.Lookup;
import io.oxyde.codec.OnConflict;
import io.oxyde.codec.OrderBy;
import io.oxyde.codec.RawIr;
import io.oxyde.codec.SelectIr;
import io.oxyde.codec.UpdateIr;
import io.oxyde.codec.Value;
import io.oxyde.testkit.AllDatabases;
import io.oxyde.testkit.TestDatabase;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import io.oxyde.dialect.Dialect;
import io.oxyde.exception.RenderException;
import io.oxyde.exception.UnsupportedFeatureException;

/** INSERT (single, multi-row, chunked, upsert, returning), UPDATE, bulk UPDATE, DELETE and raw SQL. */
class MutationsTest {
    private final SqlRenderer renderer = new SqlRenderer();

    static void createNotes(Connection c, Dialect d) throws Exception {
        switch (d) {
            case POSTGRES -> Exec.ddl(c, "create table notes (id bigserial primary key, title varchar(100) not null unique, body text, n integer not null default 0)");
            case SQLITE -> Exec.ddl(c, "create table notes (id integer primary key autoincrement, title text not null unique, body text, n integer not null default 0)");
            default -> {
                Exec.ddl(c, "create table notes (id bigint auto_increment primary key, title varchar(100) not null unique, body text, "
                        + "n int not null default 0) default charset=utf8mb4 collate=utf8mb4_unicode_520_ci");
            }
        }
    }

    private Exec.Result run(Connection c, Dialect d, io.oxyde.codec.QueryIr ir) throws Exception {
        return Exec.run(c, renderer.render(ir, d), d);
    }

    private List<List<Object>> notes(Connection c, Dialect d) throws Exception {
        Exec.Result r = run(c, d, SelectIr.from("notes").columns("title", "body", "n").orderBy(OrderBy.asc("title")).build());
        List<List<Object>> out = new ArrayList<>();
        for (var row : r.rows()) {
            out.add(java.util.Arrays.asList(row.get("title"), row.get("body"), ((Number) row.get("n")).longValue()));
        }
        return out;
    }

    private static InsertIr insert(List<String> returning, OnConflict oc, List<Value>... rows) {
        return new InsertIr("Note", "notes", List.of("title", "body", "n"), List.of(rows), returning, oc);
    }

    @AllDatabases
    @SuppressWarnings("unchecked")
    void insertSingleMultiAndReturning(TestDatabase db) throws Exception {
        Dialect d = Exec.dialect(db);
        try (Connection c = db.connect()) {
            createNotes(c, d);
            RenderedQuery one = renderer.render(insert(List.of(), null, Fixture.row("a", "first", 1)), d);
            assertThat(one.resultKind()).isEqualTo(ResultKind.UPDATE_COUNT);
            assertThat(Exec.run(c, one, d).updateCount()).isEqualTo(1);

            RenderedQuery ret = renderer.render(insert(List.of("id", "title"), null,
                    Fixture.row("b", null, 2), Fixture.row("c", "third", 3)), d);
            assertThat(ret.resultKind()).isEqualTo(ResultKind.RETURNING_ROWS);
            Exec.Result r = Exec.run(c, ret, d);
            assertThat(r.column("title")).containsExactly("b", "c");
            assertThat(r.longs("id")).containsExactly(2L, 3L);
            assertThat(notes(c, d)).containsExactly(List.of("a", "first", 1L), java.util.Arrays.asList("b", null, 2L),
                    List.of("c", "third", 3L));

            // MySQL has no RETURNING: the same insert asks for JDBC generated keys instead.
            RenderedQuery my = renderer.render(insert(List.of("id"), null, Fixture.row("d", "x", 4)), Dialect.MYSQL);
            assertThat(my.resultKind()).isEqualTo(ResultKind.UPDATE_COUNT_AND_GENERATED_KEYS);
            assertThat(my.generatedKeyColumns()).containsExactly("id");
            assertThat(my.single().sql()).doesNotContainIgnoringCase("returning");
            if (d == Dialect.MARIADB) {
                // MYSQL-dialect insert SQL on MariaDB (the proxy server): the generated key comes back.
                Exec.Result keys = Exec.run(c, my, Dialect.MYSQL);
                assertThat(keys.updateCount()).isEqualTo(1);
                assertThat(((Number) keys.rows().get(0).values().iterator().next()).longValue()).isEqualTo(4L);
            }
        }
    }

    @AllDatabases
    void bulkInsertIsChunkedUnderTheBindLimit(TestDatabase db) throws Exception {
        Dialect d = Exec.dialect(db);
        try (Connection c = db.connect()) {
            Exec.ddl(c, "create table bulk (a bigint, b bigint, c bigint)");
            int rows = 25_000;
            List<List<Value>> values = new ArrayList<>(rows);
            for (int i = 0; i < rows; i++) {
                values.add(List.of(Value.of(i), Value.of(2L * i), Value.of(i % 7)));
            }
            RenderedQuery q = renderer.render(new InsertIr(null, "bulk", List.of("a", "b", "c"), values, List.of(), null), d);
            int perStatement = d.maxBindParameters() / 3;
            assertThat(q.statements()).hasSize((rows + perStatement - 1) / perStatement);
            for (SqlStatement st : q.statements()) {
                assertThat(st.binds().size()).isLessThanOrEqualTo(d.maxBindParameters());
            }
            assertThat(Exec.run(c, q, d).updateCount()).isEqualTo(rows);
            Exec.Result check = Exec.run(c, renderer.render(SelectIr.from("bulk")
                    .aggregate(new io.oxyde.codec.Aggregate(io.oxyde.codec.AggregateFunction.COUNT, null, false, "n"))
                    .aggregate(new io.oxyde.codec.Aggregate(io.oxyde.codec.AggregateFunction.SUM, io.oxyde.codec.ColumnRef.of("b"), false, "s"))
                    .build(), d), d);
            assertThat(check.longs("n")).containsExactly((long) rows);
            assertThat(check.longs("s")).containsExactly((long) rows * (rows - 1));
        }
    }

    @AllDatabases
    @SuppressWarnings("unchecked")
    void onConflictDoNothingAndDoUpdate(TestDatabase db) throws Exception {
        Dialect d = Exec.dialect(db);
        // MySQL/MariaDB report the no-op "ON DUPLICATE KEY UPDATE c = c" row as affected unless the
        // client asks for affected (not found) rows; the driver is documented to set this.
        try (Connection c = d == Dialect.MARIADB
                ? java.sql.DriverManager.getConnection(db.jdbcUrl() + (db.jdbcUrl().contains("?") ? "&" : "?")
                        + "useAffectedRows=true", db.user(), db.password())
                : db.connect()) {
            createNotes(c, d);
            run(c, d, insert(List.of(), null, Fixture.row("a", "x", 1)));
            Exec.Result nothing = run(c, d, insert(List.of(), OnConflict.doNothing("title"),
                    Fixture.row("a", "y", 2), Fixture.row("b", "z", 3)));
            assertThat(nothing.updateCount()).isEqualTo(1);
            assertThat(notes(c, d)).containsExactly(List.of("a", "x", 1L), List.of("b", "z", 3L));
            run(c, d, insert(List.of(), OnConflict.doUpdate(List.of("title"), List.of("body", "n")),
                    Fixture.row("a", "updated", 10), Fixture.row("e", "new", 5)));
            assertThat(notes(c, d)).containsExactly(List.of("a", "updated", 10L), List.of("b", "z", 3L), List.of("e", "new", 5L));
            // Without a target (any unique key) for do-nothing.
            run(c, d, insert(List.of(), OnConflict.doNothing(), Fixture.row("b", "ignored", 0)));
            assertThat(notes(c, d)).contains(List.of("b", "z", 3L));
            if (d != Dialect.MARIADB) {
                assertThatThrownBy(() -> renderer.render(insert(List.of(), OnConflict.doUpdate(List.of(), List.of("body")),
                        Fixture.row("a", "b", 1)), d)).isInstanceOf(RenderException.class).hasMessageContaining("conflict target");
            }
        }
    }

    @AllDatabases
    @SuppressWarnings("unchecked")
    void updateWithValuesExpressionsAndReturning(TestDatabase db) throws Exception {
        Dialect d = Exec.dialect(db);
        try (Connection c = db.connect()) {
            createNotes(c, d);
            run(c, d, insert(List.of(), null, Fixture.row("a", "x", 3), Fixture.row("b", "y", 4), Fixture.row("c", "z", 5)));
            // SET value slot 0 and 1..2 in the expression, WHERE slot 3: slot order differs from nothing, but
            // n = -(n * 2 + 1) exercises column, literal, binary and negate.
            Expr twicePlusOne = new Expr.Binary(ArithmeticOperator.ADD,
                    new Expr.Binary(ArithmeticOperator.MUL, Expr.column("n"), Expr.value(Value.of(2))), Expr.value(Value.of(1)));
            UpdateIr u = new UpdateIr("Note", "notes", List.of(
                    new Assignment("body", Expr.value(Value.of("changed"))),
                    new Assignment("n", new Expr.Negate(twicePlusOne))),
                    condition("title", Lookup.IN, Value.of(List.of("a", "c"))), List.of());
            assertThat(run(c, d, u).updateCount()).isEqualTo(2);
            assertThat(notes(c, d)).containsExactly(List.of("a", "changed", -7L), List.of("b", "y", 4L), List.of("c", "changed", -11L));

            UpdateIr sub = new UpdateIr(null, "notes", List.of(new Assignment("n",
                    new Expr.Binary(ArithmeticOperator.SUB, Expr.column("n"), Expr.value(Value.of(4))))),
                    condition("title", Lookup.EQ, Value.of("b")), List.of());
            run(c, d, sub);
            assertThat(notes(c, d)).contains(List.of("b", "y", 0L));

            UpdateIr returning = new UpdateIr(null, "notes", List.of(new Assignment("body", Expr.value(Value.of("r")))),
                    condition("title", Lookup.EQ, Value.of("b")), List.of("id", "body"));
            if (d == Dialect.MARIADB) {
                assertThatThrownBy(() -> renderer.render(returning, d)).isInstanceOf(UnsupportedFeatureException.class)
                        .hasMessageContaining("update … returning is not supported on MARIADB");
            } else {
                Exec.Result r = run(c, d, returning);
                assertThat(r.column("body")).containsExactly("r");
                assertThat(r.longs("id")).containsExactly(2L);
            }
            assertThatThrownBy(() -> renderer.render(returning, Dialect.MYSQL)).isInstanceOf(UnsupportedFeatureException.class);

            UpdateIr all = new UpdateIr(null, "notes", List.of(new Assignment("n", Expr.value(Value.of(0)))), null, List.of());
            assertThat(run(c, d, all).updateCount()).isEqualTo(3);
        }
    }

    @AllDatabases
    @SuppressWarnings("unchecked")
    void bulkUpdateWithCase(TestDatabase db) throws Exception {
        Dialect d = Exec.dialect(db);
        try (Connection c = db.connect()) {
            createNotes(c, d);
            run(c, d, insert(List.of(), null, Fixture.row("a", "x", 1), Fixture.row("b", "y", 2), Fixture.row("c", "z", 3)));
            BulkUpdateIr bu = new BulkUpdateIr("Note", "notes", "title", List.of("body", "n"), List.of(
                    new BulkUpdateRow(Value.of("c"), List.of(Value.of("C!"), Value.of(30))),
                    new BulkUpdateRow(Value.of("a"), List.of(Value.nullValue(), Value.of(10)))));
            assertThat(run(c, d, bu).updateCount()).isEqualTo(2);
            assertThat(notes(c, d)).containsExactly(java.util.Arrays.asList("a", null, 10L), List.of("b", "y", 2L), List.of("c", "C!", 30L));
        }
    }

    @AllDatabases
    @SuppressWarnings("unchecked")
    void deleteFilteredAndReturning(TestDatabase db) throws Exception {
        Dialect d = Exec.dialect(db);
        try (Connection c = db.connect()) {
            createNotes(c, d);
            run(c, d, insert(List.of(), null, Fixture.row("a", "x", 1), Fixture.row("b", "y", 2), Fixture.row("c", "z", 3)));
            assertThat(run(c, d, new DeleteIr(null, "notes", condition("n", Lookup.EQ, Value.of(1)), List.of())).updateCount())
                    .isEqualTo(1);
            DeleteIr ret = new DeleteIr(null, "notes", condition("n", Lookup.GT, Value.of(2)), List.of("title"));
            RenderedQuery q = renderer.render(ret, d);
            assertThat(q.resultKind()).isEqualTo(ResultKind.RETURNING_ROWS);
            assertThat(Exec.run(c, q, d).column("title")).containsExactly("c");
            assertThatThrownBy(() -> renderer.render(ret, Dialect.MYSQL)).isInstanceOf(UnsupportedFeatureException.class)
                    .hasMessageContaining("delete … returning is not supported on MYSQL");
            assertThat(run(c, d, new DeleteIr(null, "notes", null, List.of())).updateCount()).isEqualTo(1);
            assertThat(notes(c, d)).isEmpty();
        }
    }

    @AllDatabases
    void rawSqlPassesThroughWithBoundParameters(TestDatabase db) throws Exception {
        Dialect d = Exec.dialect(db);
        try (Connection c = db.connect()) {
            createNotes(c, d);
            RawIr ins = new RawIr("insert into notes (title, body, n) values (?, ?, ?)", List.of(Value.of("r'1"), Value.of("?"), Value.of(7)));
            RenderedQuery iq = renderer.render(ins, d);
            assertThat(iq.single().sql()).isEqualTo(ins.sql());
            assertThat(iq.resultKind()).isEqualTo(ResultKind.UPDATE_COUNT);
            assertThat(Exec.run(c, iq, d).updateCount()).isEqualTo(1);
            RawIr sel = new RawIr("  /* hi */ SELECT count(*) AS c FROM notes WHERE title = ? AND body = ?",
                    List.of(Value.of("r'1"), Value.of("?")));
            RenderedQuery sq = renderer.render(sel, d);
            assertThat(sq.resultKind()).isEqualTo(ResultKind.ROWS);
            assertThat(((Number) Exec.run(c, sq, d).scalar()).longValue()).isEqualTo(1L);
        }
    }
}
