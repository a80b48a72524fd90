package io.oxyde.it;

import static io.oxyde.Oxyde.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.oxyde.Oxyde;
import io.oxyde.chinook.Track;
import io.oxyde.testkit.AllDatabases;
import io.oxyde.testkit.TestDatabase;
import java.util.ArrayList;
import java.util.List;

/** stream(batchSize, consumer), union / unionAll and row locks. */
class StreamingAndSetsTest {

    @AllDatabases
    void streamsEveryRowInKeyOrderInBoundedBatches(TestDatabase tdb) throws Exception {
        Oxyde db = Chinook.shared(tdb);
        List<Integer> sizes = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        long n = await(db.objects(Track.class).stream(500, batch -> {
            sizes.add(batch.size());
            batch.forEach(t -> ids.add(t.id()));
        }));
        assertThat(n).isEqualTo(3503L);
        assertThat(sizes).allMatch(s -> s <= 500).hasSize(8);
        assertThat(ids).isSorted().doesNotHaveDuplicates().hasSize(3503);
        List<Long> rock = new ArrayList<>();
        await(db.objects(Track.class).filter("genre__name", "Rock").join("album").stream(100,
                batch -> batch.forEach(t -> {
                    assertThat(t.album().isLoaded()).isTrue();
                    rock.add(t.id());
                })));
        assertThat(rock).isEqualTo(Expect.trackIds(t -> "Rock".equals(Expect.genreName(t))));
        assertThatThrownBy(() -> db.objects(Track.class).orderBy("name").stream(10, b -> { }))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("primary-key order");
    }

    @AllDatabases
    void unionAndUnionAll(TestDatabase tdb) throws Exception {
        Oxyde db = Chinook.shared(tdb);
        var shortOnes = db.objects(Track.class).filter("milliseconds__lt", 60_000);
        var firstAlbum = db.objects(Track.class).filter("album", 1);
        List<Long> union = Expect.ids(await(shortOnes.union(firstAlbum).all()), Track::id);
        assertThat(union).isEqualTo(Expect.trackIds(t -> t.milliseconds() < 60_000 || (Long) t.album().id() == 1L));
        List<Track> all = await(shortOnes.unionAll(shortOnes).orderBy("id").all());
        assertThat(all).hasSize(2 * Expect.trackIds(t -> t.milliseconds() < 60_000).size());
    }

    @AllDatabases
    void forUpdateAndForShareInsideTransaction(TestDatabase tdb) throws Exception {
        try (Oxyde db = Chinook.freshMusic(tdb)) {
            List<Track> locked = await(db.atomic(tx -> tx.objects(Track.class).filter("album", 1).forUpdate().all()
                    .thenCompose(rows -> tx.objects(Track.class).filter("album", 1).update(java.util.Map.of("composer", "Locked"))
                            .thenCompose(n -> tx.objects(Track.class).filter("album", 2).forShare().all()))));
            assertThat(locked).hasSize(Expect.trackIds(t -> (Long) t.album().id() == 2L).size());
            assertThat(await(db.objects(Track.class).filter("composer", "Locked").count()))
                    .isEqualTo(Expect.trackIds(t -> (Long) t.album().id() == 1L).size());
        }
    }
}
