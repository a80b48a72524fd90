package io.oxyde.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.oxyde.codec.Annotation;
import io.oxyde.codec.ColumnRef;
import io.oxyde.codec.Direction;
import io.oxyde.codec.Expr;
import io.oxyde.codec.OrderBy;
import io.oxyde.codec.SelectIr;
import io.oxyde.codec.ValueKind;
import io.oxyde.codec.WindowFunction;
import io.oxyde.dialect.Dialect;
import io.oxyde.testkit.AllDatabases;
import io.oxyde.testkit.TestDatabase;
import java.math.BigDecimal;
import java.sql.Connection;
import java.util.List;

/**
 * Window expressions (revision 1.3) rendered and run on each database over the fixture: ranks
 * per partition, a running sum of decimals (text on SQLite), lag/lead with an offset, an empty
 * window, and ordering by a window; expected values worked out by hand from the fixture rows.
 */
class WindowRenderTest {
    private final SqlRenderer renderer = new SqlRenderer();

    private static Expr.Window window(WindowFunction f, List<Expr> args, Integer offset, List<Expr> partitions,
                                      OrderBy... order) {
        return new Expr.Window(f, args, offset, partitions, List.of(order));
    }

    @AllDatabases
    void ranksSumsAndNeighbours(TestDatabase db) throws Exception {
        Dialect d = Exec.dialect(db);
        try (Connection c = db.connect()) {
            Fixture.create(c, d, renderer);
            OrderBy bySeconds = new OrderBy(ColumnRef.of("seconds"), Direction.ASC);
            SelectIr tracks = SelectIr.from("tracks").columns("id")
                    .annotation(new Annotation("rn", window(WindowFunction.ROW_NUMBER, List.of(), null,
                            List.of(Expr.column("album_id")), new OrderBy(ColumnRef.of("seconds"), Direction.DESC))))
                    .annotation(new Annotation("prev", window(WindowFunction.LAG, List.of(Expr.column("id")), null,
                            List.of(), bySeconds)))
                    .annotation(new Annotation("next2", window(WindowFunction.LEAD, List.of(Expr.column("id")), 2,
                            List.of(), bySeconds)))
                    .annotation(new Annotation("n", window(WindowFunction.COUNT, List.of(), null, List.of())))
                    .orderBy(OrderBy.asc("id"))
                    .build();
            Exec.Result r = Exec.run(c, renderer.render(tracks, d), d);
            // seconds: 1→252, 2→281, 3→284, 4→383, 5→309; albums 1: {1, 2}, 3: {3, 4}, 4: {5}
            assertThat(r.longs("rn")).containsExactly(2L, 1L, 2L, 1L, 1L);
            // by seconds: 1, 2, 3, 5, 4
            assertThat(r.longs("prev")).containsExactly(null, 1L, 2L, 5L, 3L);
            assertThat(r.longs("next2")).containsExactly(3L, 5L, 4L, null, null);
            assertThat(r.longs("n")).containsExactly(5L, 5L, 5L, 5L, 5L);

            // a running sum of decimals per artist by release date, dense ranks of artists, ordered by a window
            SelectIr albums = SelectIr.from("albums").columns("id")
                    .annotation(new Annotation("running", window(WindowFunction.SUM, List.of(Expr.column("price")), null,
                            List.of(Expr.column("artist_id")), new OrderBy(ColumnRef.of("released"), Direction.ASC,
                                    ValueKind.DATE), new OrderBy(ColumnRef.of("id"), Direction.ASC))))
                    .annotation(new Annotation("r", window(WindowFunction.DENSE_RANK, List.of(), null, List.of(),
                            new OrderBy(ColumnRef.of("artist_id"), Direction.ASC))))
                    .orderBy(OrderBy.of(window(WindowFunction.ROW_NUMBER, List.of(), null, List.of(),
                            new OrderBy(ColumnRef.of("price"), Direction.DESC, ValueKind.DECIMAL)), Direction.ASC))
                    .build();
            Exec.Result a = Exec.run(c, renderer.render(albums, d), d);
            List<Long> ids = a.longs("id");
            List<Object> running = a.column("running");
            List<Long> ranks = a.longs("r");
            // the expected values come from a plain query of the same rows, summed and ranked here
            Exec.Result plain = Exec.run(c, renderer.render(SelectIr.from("albums").columns("id", "artist_id", "price",
                    "released").orderBy(new OrderBy(ColumnRef.of("price"), Direction.DESC, ValueKind.DECIMAL)).build(), d), d);
            assertThat(ids).isEqualTo(plain.longs("id"));
            for (int i = 0; i < ids.size(); i++) {
                java.util.Map<String, Object> row = plain.rows().get(i);
                BigDecimal expected = BigDecimal.ZERO;
                for (java.util.Map<String, Object> other : plain.rows()) {
                    boolean sameArtist = ((Number) other.get("artist_id")).longValue() == ((Number) row.get("artist_id")).longValue();
                    int cmp = String.valueOf(other.get("released")).compareTo(String.valueOf(row.get("released")));
                    boolean before = cmp < 0 || cmp == 0 && ((Number) other.get("id")).longValue() <= ids.get(i);
                    if (sameArtist && before) {
                        expected = expected.add(new BigDecimal(String.valueOf(other.get("price"))));
                    }
                }
                assertThat(new BigDecimal(String.valueOf(running.get(i))).setScale(2, java.math.RoundingMode.HALF_UP))
                        .as("running sum of album " + ids.get(i)).isEqualByComparingTo(expected);
                long artist = ((Number) row.get("artist_id")).longValue();
                long expectedRank = plain.rows().stream().map(o -> ((Number) o.get("artist_id")).longValue())
                        .filter(x -> x < artist).distinct().count() + 1;
                assertThat(ranks.get(i)).isEqualTo(expectedRank);
            }
        }
    }
}
