package io.oxyde.query;

import static io.oxyde.codec.FilterNode.and;
import static io.oxyde.codec.FilterNode.condition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.oxyde.codec.Aggregate;
import io.oxyde.codec.AggregateFunction;
import io.oxyde.codec.ColumnRef;
import io.oxyde.codec.Direction;
import io.oxyde.codec.FilterNode;
import io.oxyde.codec.Join;
import io.oxyde.codec.JoinKind;
import io.oxyde.codec.JoinPair;
import io.oxyde.codec.LockMode;
import io.oxyde.codec.Lookup;
import io.oxyde.codec.OrderBy;
import io.oxyde.codec.SelectIr;
import io.oxyde.codec.SelectMode;
import io.oxyde.codec.SetOperator;
import io.oxyde.codec.Value;
import io.oxyde.testkit.AllDatabases;
import io.oxyde.testkit.TestDatabase;
import java.sql.Connection;
import java.util.HashSet;
import java.util.List;
import io.oxyde.dialect.Dialect;
import io.oxyde.exception.RenderException;
import io.oxyde.exception.UnsupportedFeatureException;

/** Ordering, paging, joins, aggregates, locks, unions, count and exists on each database. */
class SelectFeaturesTest {
    private final SqlRenderer renderer = new SqlRenderer();

    private Exec.Result run(Connection c, Dialect d, SelectIr ir) throws Exception {
        return Exec.run(c, renderer.render(ir, d), d);
    }

    @AllDatabases
    void orderLimitOffsetAndRandom(TestDatabase db) throws Exception {
        Dialect d = Exec.dialect(db);
        try (Connection c = db.connect()) {
            Fixture.create(c, d, renderer);
            SelectIr.Builder base = SelectIr.from("albums").columns("id", "title");
            assertThat(run(c, d, base.build().toBuilder().orderBy(OrderBy.desc("released")).build()).longs("id"))
                    .containsExactly(4L, 5L, 3L, 2L, 1L);
            assertThat(run(c, d, base.build().toBuilder().orderBy(OrderBy.asc("id")).limit(2L).build()).longs("id"))
                    .containsExactly(1L, 2L);
            assertThat(run(c, d, base.build().toBuilder().orderBy(OrderBy.asc("id")).limit(2L).offset(1L).build()).longs("id"))
                    .containsExactly(2L, 3L);
            // OFFSET without LIMIT: PostgreSQL natively, the others with a bound "unlimited" LIMIT.
            assertThat(run(c, d, base.build().toBuilder().orderBy(OrderBy.asc("id")).offset(3L).build()).longs("id"))
                    .containsExactly(4L, 5L);
            assertThat(new HashSet<>(run(c, d, base.build().toBuilder().orderBy(OrderBy.random()).build()).longs("id")))
                    .containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L);
            assertThat(run(c, d, SelectIr.from("albums").columns("artist_id").distinct(true)
                    .orderBy(OrderBy.asc("artist_id")).build()).longs("artist_id")).containsExactly(1L, 2L, 5L);
            // Everything selected (no columns) reads all columns of the main table.
            Exec.Result all = run(c, d, SelectIr.from("artists").filter(condition("id", Lookup.EQ, Value.of(5)))
                    .build());
            assertThat(all.rows()).hasSize(1);
            assertThat(all.rows().get(0)).containsKeys("id", "name", "country", "uid").containsEntry("name", "Radiohead");
        }
    }

    /**
     * A join along a two-column foreign key matches both columns: each stock row shares its
     * warehouse with one row and its sku with another, so a join on either column alone would
     * find two rows for some lines.
     */
    @AllDatabases
    void aJoinOnSeveralColumnPairsMatchesThemAll(TestDatabase db) throws Exception {
        Dialect d = Exec.dialect(db);
        try (Connection c = db.connect()) {
            Exec.ddl(c, "create table mcj_stock (wh varchar(10) not null, sku varchar(10) not null, qty integer not null,"
                            + " primary key (wh, sku))",
                    "create table mcj_line (id integer primary key, s_wh varchar(10), s_sku varchar(10))",
                    "insert into mcj_stock (wh, sku, qty) values ('A', 'tea', 1), ('A', 'rum', 2), ('B', 'tea', 3)",
                    "insert into mcj_line (id, s_wh, s_sku) values (1, 'A', 'tea'), (2, 'B', 'tea'), (3, NULL, NULL),"
                            + " (4, 'B', 'rum')");
            Join stock = new Join("s", "mcj_stock", JoinKind.LEFT, ColumnRef.of("s_wh"), "wh", List.of("qty"),
                    List.of(new JoinPair(ColumnRef.of("s_sku"), "sku")));
            SelectIr left = SelectIr.from("mcj_line").columns("id").join(stock).orderBy(OrderBy.asc("id")).build();
            Exec.Result l = run(c, d, left);
            assertThat(l.longs("id")).containsExactly(1L, 2L, 3L, 4L);
            assertThat(l.longs("s__qty")).containsExactly(1L, 3L, null, null);
            SelectIr inner = SelectIr.from("mcj_line").columns("id").join(new Join("s", "mcj_stock", JoinKind.INNER,
                    ColumnRef.of("s_wh"), "wh", List.of(), stock.andOn())).orderBy(OrderBy.asc("id")).build();
            assertThat(run(c, d, inner).longs("id")).containsExactly(1L, 2L);
            assertThat(renderer.render(inner, d).single().sql()).containsIgnoringCase(" and ");
            SelectIr badLeft = SelectIr.from("mcj_line").columns("id").join(new Join("s", "mcj_stock", JoinKind.INNER,
                    ColumnRef.of("s_wh"), "wh", List.of(), List.of(new JoinPair(ColumnRef.of("nope", "s_sku"), "sku"))))
                    .build();
            assertThatThrownBy(() -> renderer.render(badLeft, d)).isInstanceOf(RenderException.class)
                    .hasMessageContaining("unknown join alias 'nope'").hasMessageContaining("left side of join 's'");
        }
    }

    @AllDatabases
    void innerLeftAndMultiHopJoins(TestDatabase db) throws Exception {
        Dialect d = Exec.dialect(db);
        try (Connection c = db.connect()) {
            Fixture.create(c, d, renderer);
            SelectIr inner = SelectIr.from("albums").columns("id", "title")
                    .join(new Join("artist", "artists", JoinKind.INNER, ColumnRef.of("artist_id"), "id", List.of("name")))
                    .filter(new FilterNode.Condition(ColumnRef.of("artist", "name"), Lookup.EQ, Value.of("Radiohead")))
                    .orderBy(OrderBy.asc("id")).build();
            Exec.Result r = run(c, d, inner);
            assertThat(r.longs("id")).containsExactly(3L, 4L);
            assertThat(r.column("artist__name")).containsExactly("Radiohead", "Radiohead");

            SelectIr left = SelectIr.from("artists").columns("id")
                    .join(new Join("alb", "albums", JoinKind.LEFT, ColumnRef.of("id"), "artist_id", List.of("title")))
                    .filter(condition("id", Lookup.IN, Value.of(List.of(3, 4, 2))))
                    .orderBy(OrderBy.asc("id")).build();
            Exec.Result l = run(c, d, left);
            assertThat(l.longs("id")).containsExactly(2L, 3L, 4L);
            assertThat(l.column("alb__title")).containsExactly("école", null, null);

            SelectIr hops = SelectIr.from("tracks").columns("id")
                    .join(new Join("album", "albums", JoinKind.INNER, ColumnRef.of("album_id"), "id", List.of()))
                    .join(new Join("album__artist", "artists", JoinKind.INNER, ColumnRef.of("album", "artist_id"), "id", List.of()))
                    .filter(new FilterNode.Condition(ColumnRef.of("album__artist", "name"), Lookup.EQ, Value.of("Radiohead")))
                    .orderBy(new OrderBy(ColumnRef.of("album", "released"), Direction.DESC))
                    .orderBy(OrderBy.asc("id")).build();
            assertThat(run(c, d, hops).longs("id")).containsExactly(5L, 3L, 4L);

            SelectIr unknown = SelectIr.from("tracks").columns("id")
                    .filter(new FilterNode.Condition(ColumnRef.of("nope", "name"), Lookup.EQ, Value.of("x"))).build();
            assertThatThrownBy(() -> renderer.render(unknown, d)).isInstanceOf(RenderException.class)
                    .hasMessageContaining("unknown join alias 'nope'").hasMessageContaining("filter of select on tracks");
        }
    }

    @AllDatabases
    void aggregatesGroupByHavingWithWhereAndHavingSlots(TestDatabase db) throws Exception {
        Dialect d = Exec.dialect(db);
        try (Connection c = db.connect()) {
            Fixture.create(c, d, renderer);
            // Slot 0 is in WHERE, slot 1 in HAVING, and ORDER BY names an aggregate alias.
            SelectIr ir = SelectIr.from("albums").column(ColumnRef.of("artist_id"))
                    .filter(condition("id", Lookup.LT, Value.of(5)))
                    .aggregate(new Aggregate(AggregateFunction.COUNT, null, false, "n"))
                    .aggregate(new Aggregate(AggregateFunction.SUM, ColumnRef.of("price"), false, "total"))
                    .aggregate(new Aggregate(AggregateFunction.MAX, ColumnRef.of("id"), false, "last_id"))
                    .aggregate(new Aggregate(AggregateFunction.MIN, ColumnRef.of("released"), false, "first_release"))
                    .aggregate(new Aggregate(AggregateFunction.AVG, ColumnRef.of("rating"), false, "avg_rating"))
                    .groupBy(ColumnRef.of("artist_id"))
                    .having(condition("n", Lookup.GTE, Value.of(2)))
                    .orderBy(OrderBy.desc("last_id")).build();
            Exec.Result r = run(c, d, ir);
            assertThat(r.longs("artist_id")).containsExactly(5L, 1L);
            assertThat(r.longs("n")).containsExactly(2L, 2L);
            assertThat(r.longs("last_id")).containsExactly(4L, 2L);
            // SQLite sums decimal text as REAL (documented), hence the tolerance.
            assertThat(((Number) r.column("total").get(0)).doubleValue()).isCloseTo(30.24, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(((Number) r.column("total").get(1)).doubleValue()).isCloseTo(25.50, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(((Number) r.column("avg_rating").get(0)).doubleValue()).isEqualTo(4.5);
            assertThat(((Number) r.column("avg_rating").get(1)).doubleValue()).isEqualTo(4.5);

            SelectIr distinct = SelectIr.from("albums")
                    .aggregate(new Aggregate(AggregateFunction.COUNT, ColumnRef.of("artist_id"), true, "artists"))
                    .aggregate(new Aggregate(AggregateFunction.COUNT, ColumnRef.of("rating"), false, "rated")).build();
            Exec.Result dr = run(c, d, distinct);
            assertThat(dr.longs("artists")).containsExactly(3L);
            assertThat(dr.longs("rated")).containsExactly(3L);

            SelectIr badHaving = ir.toBuilder().having(condition("nope", Lookup.GT, Value.of(1))).build();
            assertThatThrownBy(() -> renderer.render(badHaving, d)).isInstanceOf(RenderException.class)
                    .hasMessageContaining("'nope' is not an aggregate alias").hasMessageContaining("having of select on albums");
        }
    }

    @AllDatabases
    void rowLocksInsideATransaction(TestDatabase db) throws Exception {
        Dialect d = Exec.dialect(db);
        try (Connection c = db.connect()) {
            Fixture.create(c, d, renderer);
            c.setAutoCommit(false);
            for (LockMode mode : LockMode.values()) {
                SelectIr ir = SelectIr.from("artists").columns("id").filter(condition("country", Lookup.EQ, Value.of("UK")))
                        .orderBy(OrderBy.asc("id")).lock(mode).build();
                if (d == Dialect.SQLITE && mode.waitMode() != LockMode.Wait.WAIT) {
                    assertThatThrownBy(() -> renderer.render(ir, d)).isInstanceOf(UnsupportedFeatureException.class)
                            .hasMessageContaining("SQLite has no row locks");
                    continue;
                }
                RenderedQuery q = renderer.render(ir, d);
                assertThat(Exec.run(c, q, d).longs("id")).containsExactly(4L, 5L);
                String sql = q.single().sql().toLowerCase();
                String wait = mode.waitMode() == LockMode.Wait.NOWAIT ? " nowait"
                        : mode.waitMode() == LockMode.Wait.SKIP_LOCKED ? " skip locked" : "";
                if (d == Dialect.SQLITE) {
                    assertThat(sql).doesNotContain(" for ");
                } else if (d == Dialect.MARIADB && mode.shared()) {
                    assertThat(sql).endsWith("lock in share mode" + wait);
                } else {
                    assertThat(sql).endsWith((mode.shared() ? "for share" : "for update") + wait);
                }
            }
            c.commit();
        }
    }

    @AllDatabases
    void unionAndUnionAll(TestDatabase db) throws Exception {
        Dialect d = Exec.dialect(db);
        try (Connection c = db.connect()) {
            Fixture.create(c, d, renderer);
            SelectIr part = SelectIr.from("artists").columns("id", "name").filter(condition("id", Lookup.EQ, Value.of(1))).build();
            SelectIr uk = SelectIr.from("artists").columns("id", "name").filter(condition("country", Lookup.EQ, Value.of("UK"))).build();
            assertThat(run(c, d, part.toBuilder().union(SetOperator.UNION_ALL, part).build()).longs("id"))
                    .containsExactly(1L, 1L);
            assertThat(run(c, d, part.toBuilder().union(SetOperator.UNION, part).build()).longs("id"))
                    .containsExactly(1L);
            SelectIr ordered = uk.toBuilder().union(SetOperator.UNION, part).orderBy(OrderBy.desc("id")).limit(2L).build();
            assertThat(run(c, d, ordered).longs("id")).containsExactly(5L, 4L);
            assertThat(Exec.run(c, renderer.render(ordered.toBuilder().mode(SelectMode.COUNT).limit(null).build(), d), d)
                    .scalar()).satisfies(v -> assertThat(((Number) v).longValue()).isEqualTo(3L));
            SelectIr bad = uk.toBuilder().union(SetOperator.UNION, part.toBuilder().limit(1L).build()).build();
            assertThatThrownBy(() -> renderer.render(bad, d)).isInstanceOf(RenderException.class)
                    .hasMessageContaining("union part may not have order by, limit");
        }
    }

    @AllDatabases
    void countAndExistsModes(TestDatabase db) throws Exception {
        Dialect d = Exec.dialect(db);
        try (Connection c = db.connect()) {
            Fixture.create(c, d, renderer);
            SelectIr y2000 = SelectIr.from("albums").filter(condition("released", Lookup.YEAR, Value.of(2000)))
                    .mode(SelectMode.COUNT).build();
            RenderedQuery q = renderer.render(y2000, d);
            assertThat(q.resultKind()).isEqualTo(ResultKind.COUNT_ROWS);
            assertThat(((Number) Exec.run(c, q, d).scalar()).longValue()).isEqualTo(2L);
            SelectIr paged = SelectIr.from("albums").orderBy(OrderBy.asc("id")).limit(3L).offset(1L).mode(SelectMode.COUNT).build();
            assertThat(((Number) Exec.run(c, renderer.render(paged, d), d).scalar()).longValue()).isEqualTo(3L);
            SelectIr none = SelectIr.from("artists").filter(condition("name", Lookup.EQ, Value.of("Nobody")))
                    .mode(SelectMode.EXISTS).lock(LockMode.UPDATE).build();
            RenderedQuery e = renderer.render(none, d);
            assertThat(e.resultKind()).isEqualTo(ResultKind.EXISTS);
            assertThat(truthy(Exec.run(c, e, d).scalar())).isFalse();
            SelectIr some = none.toBuilder().filter(and(condition("name", Lookup.ISTARTSWITH, Value.of("rad")))).build();
            assertThat(truthy(Exec.run(c, renderer.render(some, d), d).scalar())).isTrue();
        }
    }

    static boolean truthy(Object v) {
        return v instanceof Boolean b ? b : ((Number) v).intValue() != 0;
    }

}
