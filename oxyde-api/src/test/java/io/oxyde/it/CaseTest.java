package io.oxyde.it;

import static io.oxyde.Oxyde.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.oxyde.Oxyde;
import io.oxyde.Q;
import io.oxyde.chinook.Artist;
import io.oxyde.chinook.Track;
import io.oxyde.expression.Case;
import io.oxyde.expression.Coalesce;
import io.oxyde.expression.Count;
import io.oxyde.expression.Literal;
import io.oxyde.expression.Upper;
import io.oxyde.testkit.AllDatabases;
import io.oxyde.testkit.TestDatabase;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * {@code Case.when(Q, value)…otherwise(value)} in annotate (grouped, filtered), inside a
 * function and in an update, on the three databases; expected values from the Chinook JSON.
 */
class CaseTest {

    private static String size(Track t) {
        return t.milliseconds() > 300_000 ? "long" : t.milliseconds() > 180_000 ? "medium" : "short";
    }

    @AllDatabases
    void groupedByACase(TestDatabase tdb) throws Exception {
        Oxyde db = Chinook.shared(tdb);
        var sized = db.objects(Track.class).annotate("size", Case.when(Q.of("milliseconds__gt", 300_000), Literal.of("long"))
                .orWhen(Q.of("milliseconds__gt", 180_000), Literal.of("medium")).otherwise(Literal.of("short")));
        List<Map<String, Object>> rows = await(sized.values("size").annotate("n", Count.all()).orderBy("size").all());
        Map<String, Long> expected = new TreeMap<>(Expect.TRACKS.stream()
                .collect(Collectors.groupingBy(CaseTest::size, Collectors.counting())));
        assertThat(rows.stream().collect(Collectors.toMap(r -> (String) r.get("size"),
                r -> ((Number) r.get("n")).longValue()))).isEqualTo(expected);
        assertThat(await(sized.filter("size", "medium").count())).isEqualTo(expected.get("medium"));
    }

    @AllDatabases
    void conditionsAcrossRelationsNumbersAndNull(TestDatabase tdb) throws Exception {
        Oxyde db = Chinook.shared(tdb);
        long rock = Expect.TRACKS.stream().filter(t -> "Rock".equals(Expect.genreName(t))).count();
        var flagged = db.objects(Track.class).annotate("rock", Case.when(Q.of("genre__name", "Rock"), 1).otherwise(0));
        assertThat(await(flagged.filter("rock", 1).count())).isEqualTo(rock);
        assertThat(await(flagged.filter("rock", 0).count())).isEqualTo(Expect.TRACKS.size() - rock);
        // without otherwise the rest is NULL
        var onlyRock = db.objects(Track.class).annotate("r", Case.when(Q.of("genre__name", "Rock"), Literal.of("yes")));
        assertThat(await(onlyRock.filter("r__isnull", true).count())).isEqualTo(Expect.TRACKS.size() - rock);
        // inside a function: the composer of non-rock tracks, else '?'
        List<Map<String, Object>> rows = await(db.objects(Track.class).annotate("who", Coalesce.of(
                Case.when(Q.not(Q.of("genre__name", "Rock")), "composer"), Literal.of("?"))).values("id", "who").all());
        Map<Object, Object> who = rows.stream().collect(Collectors.toMap(r -> r.get("id"), r -> r.get("who")));
        for (Track t : Expect.TRACKS) {
            boolean isRock = "Rock".equals(Expect.genreName(t));
            assertThat(who.get(t.id())).isEqualTo(!isRock && t.composer() != null ? t.composer() : "?");
        }
    }

    @AllDatabases
    void inAnUpdate(TestDatabase tdb) throws Exception {
        try (Oxyde db = Chinook.fresh(tdb, List.of(Artist.class))) {
            int n = await(db.objects(Artist.class).update(Map.of("name",
                    Case.when(Q.of("name__startswith", "A"), Upper.of("name")).otherwise("name"))));
            assertThat(n).isEqualTo(Expect.ARTISTS.size());
            assertThat(WritesTest.scalar(tdb, "SELECT COUNT(*) FROM artist WHERE name = 'AEROSMITH'")).isEqualTo(1L);
            assertThat(WritesTest.scalar(tdb, "SELECT COUNT(*) FROM artist WHERE name = 'Queen'")).isEqualTo(1L);
        }
    }
}
