package io.oxyde.it;

import static io.oxyde.Oxyde.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.oxyde.Oxyde;
import io.oxyde.Query;
import io.oxyde.chinook.Track;
import io.oxyde.codec.FilterNode;
import io.oxyde.codec.JoinKind;
import io.oxyde.codec.Lookup;
import io.oxyde.codec.SelectIr;
import io.oxyde.codec.Value;
import io.oxyde.dialect.Dialect;
import io.oxyde.query.SqlStatement;
import io.oxyde.testkit.AllDatabases;
import io.oxyde.testkit.TestDatabase;
import java.util.List;

/** query.sql(dialect), query.toIr() and query.explain(). */
class DebuggingTest {

    private static Query<Track> rockQuery(Oxyde db) {
        return db.objects(Track.class).filter("genre__name", "Rock").filter("milliseconds__gte", 300_000)
                .orderBy("-milliseconds").limit(10).join("album__artist");
    }

    @AllDatabases
    void sqlRendersEveryDialectWithoutRunning(TestDatabase tdb) throws Exception {
        Oxyde db = Chinook.shared(tdb);
        for (Dialect d : Dialect.values()) {
            SqlStatement st = rockQuery(db).sql(d);
            assertThat(st.sql()).as(d.name()).containsIgnoringCase("join").containsIgnoringCase("order by")
                    .doesNotContain("Rock").doesNotContain("300000");
            assertThat(st.binds()).as(d.name()).contains(Value.of("Rock"), Value.of(300_000L));
        }
        assertThat(rockQuery(db).sql(Dialect.POSTGRES).sql()).contains("\"album__artist\"");
    }

    @AllDatabases
    void toIrShowsJoinsAndConditions(TestDatabase tdb) throws Exception {
        Oxyde db = Chinook.shared(tdb);
        SelectIr ir = rockQuery(db).toIr();
        assertThat(ir.table()).isEqualTo("track");
        assertThat(ir.joins()).extracting(j -> j.alias() + ":" + j.kind()).containsExactly("genre:" + JoinKind.INNER,
                "album:" + JoinKind.LEFT, "album__artist:" + JoinKind.LEFT);
        assertThat(ir.limit()).isEqualTo(10L);
        FilterNode.And and = (FilterNode.And) ir.filter();
        assertThat(and.children()).hasSize(2);
        FilterNode.Condition first = (FilterNode.Condition) and.children().get(0);
        assertThat(first.field().source()).isEqualTo("genre");
        assertThat(first.lookup()).isEqualTo(Lookup.EQ);
    }

    @AllDatabases
    void explainReturnsThePlan(TestDatabase tdb) throws Exception {
        Oxyde db = Chinook.shared(tdb);
        List<String> plan = await(rockQuery(db).explain());
        assertThat(plan).isNotEmpty();
        assertThat(String.join("\n", plan).toLowerCase(java.util.Locale.ROOT)).contains("track");
    }
}
