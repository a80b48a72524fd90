package io.oxyde.it;

import static io.oxyde.Oxyde.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.oxyde.Oxyde;
import io.oxyde.chinook.Track;
import io.oxyde.testkit.AllDatabases;
import io.oxyde.testkit.TestDatabase;
import java.util.List;

/** intersect / except on the full Chinook data, checked against the source JSON. */
class IntersectExceptTest {

    @AllDatabases
    void intersectAndExcept(TestDatabase tdb) throws Exception {
        Oxyde db = Chinook.shared(tdb);
        var shortOnes = db.objects(Track.class).filter("milliseconds__lt", 200_000);
        var rock = db.objects(Track.class).filter("genre__name", "Rock");
        List<Long> both = Expect.trackIds(t -> t.milliseconds() < 200_000 && "Rock".equals(Expect.genreName(t)));
        List<Long> onlyShort = Expect.trackIds(t -> t.milliseconds() < 200_000 && !"Rock".equals(Expect.genreName(t)));
        assertThat(both).isNotEmpty();
        assertThat(onlyShort).isNotEmpty();
        assertThat(Expect.ids(await(shortOnes.intersect(rock).all()), Track::id)).isEqualTo(both);
        assertThat(await(shortOnes.intersect(rock).count())).isEqualTo(both.size());
        assertThat(await(shortOnes.except(rock).orderBy("id").all()).stream().map(Track::id).toList()).isEqualTo(onlyShort);
        // chained, left to right: short, not rock, not on album 1
        List<Long> chained = Expect.trackIds(t -> t.milliseconds() < 200_000 && !"Rock".equals(Expect.genreName(t))
                && (Long) t.album().id() != 1L);
        assertThat(Expect.ids(await(shortOnes.except(rock).except(db.objects(Track.class).filter("album", 1)).all()),
                Track::id)).isEqualTo(chained);
    }

    @AllDatabases
    void mixingWithUnionIsRefused(TestDatabase tdb) throws Exception {
        Oxyde db = Chinook.shared(tdb);
        var shortOnes = db.objects(Track.class).filter("milliseconds__lt", 200_000);
        assertThatThrownBy(() -> shortOnes.union(shortOnes).intersect(shortOnes)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Track query: intersect(...) cannot follow union(...)");
    }
}
