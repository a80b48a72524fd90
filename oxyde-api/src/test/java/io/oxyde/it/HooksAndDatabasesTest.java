package io.oxyde.it;

import static io.oxyde.Oxyde.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.oxyde.meta.ModelMeta;
import io.oxyde.Oxyde;
import io.oxyde.chinook.Artist;
import io.oxyde.chinook.Track;
import io.oxyde.exception.PoolNotFoundException;
import io.oxyde.testkit.AllDatabases;
import io.oxyde.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

/** Model hooks, named databases, using(...) and close(). */
class HooksAndDatabasesTest {

    @AllDatabases
    void hooksRunAroundWritesAndCanVeto(TestDatabase tdb) throws Exception {
        try (Connection c = tdb.connect(); Statement s = c.createStatement()) {
            s.execute(ChinookSchema.createTable(ModelMeta.of(Note.class), tdb.kind()));
        }
        try (Oxyde db = Chinook.fresh(tdb, List.of())) {
            Note.EVENTS.clear();
            Note saved = await(db.objects(Note.class).create(new Note(null, "hello")));
            await(db.save(new Note(saved.id(), "edited")));
            await(db.objects(Note.class).bulkCreate(List.of(new Note(null, "a"), new Note(null, "b"))));
            await(db.delete(saved));
            assertThat(Note.EVENTS).containsExactly("beforeSave hello", "afterSave " + saved.id(), "beforeSave edited",
                    "afterSave " + saved.id(), "beforeSave a", "beforeSave b", "afterSave " + (saved.id() + 1),
                    "afterSave " + (saved.id() + 2), "beforeDelete " + saved.id(), "afterDelete " + saved.id());
            assertThatThrownBy(() -> await(db.objects(Note.class).create(new Note(null, "forbidden"))))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("forbidden note");
            assertThat(WritesTest.scalar(tdb, "SELECT count(*) FROM note")).isEqualTo(2L);
        }
    }

    @AllDatabases
    void namedDatabasesAndUsing(TestDatabase tdb) throws Exception {
        Oxyde full = Chinook.shared(tdb);
        try (Oxyde small = Chinook.fresh(tdb, List.of(Artist.class))) {
            assertThat(await(small.objects(Artist.class).count())).isEqualTo(275L);
            assertThat(await(small.objects(Track.class).using(full.name()).count())).isEqualTo(3503L);
            assertThat(await(small.using(full.name()).objects(Track.class).count())).isEqualTo(3503L);
            assertThat(await(Oxyde.database(full.name()).objects(Track.class).filter("id", 1).exists())).isTrue();
            assertThat(small.dialect()).isEqualTo(full.dialect());
            small.close();
            assertThatThrownBy(() -> await(Oxyde.database(small.name()).objects(Artist.class).count()))
                    .isInstanceOf(PoolNotFoundException.class);
        }
        assertThat(await(full.objects(Artist.class).count())).as("a using() handle does not close the pool").isEqualTo(275L);
    }
}
