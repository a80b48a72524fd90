package io.oxyde.it;

import static io.oxyde.Oxyde.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.oxyde.expression.Count;
import io.oxyde.Oxyde;
import io.oxyde.Ref;
import io.oxyde.exception.ValidationException;
import io.oxyde.chinook.Artist;
import io.oxyde.chinook.Track;
import io.oxyde.testkit.AllDatabases;
import io.oxyde.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/** Class models through the query API, Java and database defaults on insert, explicit groupBy. */
class ClassModelsAndDefaultsTest {

    private static Oxyde withDrafts(TestDatabase tdb) throws Exception {
        Oxyde db = Chinook.fresh(tdb, List.of(Artist.class));
        try (Connection c = tdb.connect(); Statement s = c.createStatement()) {
            String ddl = ChinookSchema.createTable(io.oxyde.meta.ModelMeta.of(Draft.class), tdb.kind())
                    .replace("rating " + (tdb.kind() == io.oxyde.testkit.DatabaseKind.SQLITE ? "TEXT" : "VARCHAR(20)"),
                            "rating " + (tdb.kind() == io.oxyde.testkit.DatabaseKind.SQLITE ? "TEXT" : "VARCHAR(20)")
                                    + " DEFAULT 'unrated'");
            s.execute(ddl);
        }
        return db;
    }

    @AllDatabases
    void classModelsAreCreatedReadJoinedAndSaved(TestDatabase tdb) throws Exception {
        try (Oxyde db = withDrafts(tdb)) {
            Draft draft = await(db.objects(Draft.class).create(new Draft("Liner notes", Ref.id(Artist.class, 1L))));
            assertThat(draft.getId()).isNotNull();
            Draft read = await(db.objects(Draft.class).join("artist").get("id", draft.getId()));
            assertThat(read.getTitle()).isEqualTo("Liner notes");
            assertThat(read.getArtist().get().name()).isEqualTo(Expect.ARTISTS.get(0).name());
            read.setTitle("Sleeve notes");
            await(db.save(read));
            assertThat(WritesTest.text(tdb, "SELECT title FROM draft WHERE id = " + draft.getId())).isEqualTo("Sleeve notes");
            read.setTitle("");
            assertThatThrownBy(() -> await(db.save(read))).isInstanceOf(ValidationException.class);
        }
    }

    @AllDatabases
    void defaultsAreAppliedOnInsert(TestDatabase tdb) throws Exception {
        try (Oxyde db = withDrafts(tdb)) {
            Draft d = await(db.objects(Draft.class).create(new Draft("Defaults", null)));
            assertThat(d.getStatus()).as("Java field initializer is sent").isEqualTo("draft");
            assertThat(d.getRating()).as("database default for a null sqlDefault column").isEqualTo("unrated");
            assertThat(WritesTest.text(tdb, "SELECT status FROM draft WHERE id = " + d.getId())).isEqualTo("draft");
            assertThat(WritesTest.text(tdb, "SELECT rating FROM draft WHERE id = " + d.getId())).isEqualTo("unrated");
        }
    }

    @AllDatabases
    void explicitGroupBy(TestDatabase tdb) throws Exception {
        Oxyde db = Chinook.shared(tdb);
        List<Map<String, Object>> rows = await(db.objects(Track.class).filter("album__lte", 3).values("album")
                .annotate("n", Count.all()).groupBy("album").orderBy("album").all());
        assertThat(rows).hasSize(3);
        for (Map<String, Object> r : rows) {
            long album = (Long) r.get("album");
            assertThat(((Number) r.get("n")).longValue())
                    .isEqualTo(Expect.TRACKS.stream().filter(t -> (Long) t.album().id() == album).count());
        }
    }
}
