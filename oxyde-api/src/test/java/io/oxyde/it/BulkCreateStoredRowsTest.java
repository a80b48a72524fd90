package io.oxyde.it;

import static io.oxyde.Oxyde.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.oxyde.meta.ModelMeta;
import io.oxyde.Oxyde;
import io.oxyde.Ref;
import io.oxyde.exception.ValidationException;
import io.oxyde.chinook.Artist;
import io.oxyde.internal.validation.Validators;
import io.oxyde.testkit.AllDatabases;
import io.oxyde.testkit.TestDatabase;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The copies {@code bulkCreate} returns are the rows as stored, whether a column is read back
 * or known to be stored as sent, and whether the model has constraints or not.
 */
class BulkCreateStoredRowsTest {

    private static Oxyde withReadings(TestDatabase tdb) throws Exception {
        Oxyde db = Chinook.fresh(tdb, List.of(Artist.class));
        try (Connection c = tdb.connect(); Statement s = c.createStatement()) {
            s.execute(ChinookSchema.createTable(ModelMeta.of(Reading.class), tdb.kind()));
        }
        return db;
    }

    @AllDatabases
    void unconstrainedModelGetsKeysAndStoredValues(TestDatabase tdb) throws Exception {
        assertThat(Validators.validator().getConstraintsForClass(Reading.class).isBeanConstrained()).isFalse();
        try (Oxyde db = withReadings(tdb)) {
            List<Reading> fresh = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                fresh.add(new Reading(null, "r" + i, i * 7 - 100, i % 3 == 0 ? null : i % 2 == 0, new BigDecimal("1.5"),
                        i % 4 == 0 ? null : Ref.id(Artist.class, 1L + i)));
            }
            List<Reading> saved = await(db.objects(Reading.class).bulkCreate(fresh, 12));
            assertThat(saved).extracting(Reading::id).doesNotContainNull().doesNotHaveDuplicates();
            List<Long> ids = saved.stream().map(Reading::id).toList();
            List<Reading> read = await(db.objects(Reading.class).filter("id__in", ids).orderBy("id").all());
            assertThat(saved).containsExactlyElementsOf(read);
            for (int i = 0; i < fresh.size(); i++) {
                Reading in = fresh.get(i);
                Reading out = saved.get(i);
                assertThat(out.label()).isEqualTo(in.label());
                assertThat(out.hits()).isEqualTo(in.hits());
                assertThat(out.active()).isEqualTo(in.active());
                assertThat(out.amount()).isEqualByComparingTo(in.amount());
                assertThat(out.artist() == null ? null : out.artist().id())
                        .isEqualTo(in.artist() == null ? null : in.artist().id());
            }
        }
    }

    @AllDatabases
    void valuesTheDatabaseChangesAreReadBack(TestDatabase tdb) throws Exception {
        try (Oxyde db = withReadings(tdb)) {
            // Eight characters for a VARCHAR(6): PostgreSQL and MariaDB drop excess trailing
            // spaces, SQLite keeps them; the decimal gets the column's scale where declared.
            List<Reading> saved = await(db.objects(Reading.class).bulkCreate(List.of(
                    new Reading(null, "abc     ", 1, true, new BigDecimal("2.5"), null),
                    new Reading(null, "plain", 2, false, new BigDecimal("3"), null))));
            for (Reading s : saved) {
                assertThat(s).isEqualTo(await(db.objects(Reading.class).get("id", s.id())));
            }
            assertThat(saved.get(1).label()).isEqualTo("plain");
        }
    }

    @AllDatabases
    void clientKeysAndDatabaseKeysMixEvenForEqualModels(TestDatabase tdb) throws Exception {
        try (Oxyde db = withReadings(tdb)) {
            List<Reading> saved = await(db.objects(Reading.class).bulkCreate(List.of(
                    new Reading(500L, "keyed", 1, true, BigDecimal.ONE, null),
                    new Reading(null, "free", 2, false, BigDecimal.TEN, Ref.id(Artist.class, 3L)),
                    new Reading(null, "free", 2, false, BigDecimal.TEN, Ref.id(Artist.class, 3L)))));
            assertThat(saved.get(0).id()).isEqualTo(500L);
            assertThat(saved).extracting(Reading::id).doesNotContainNull().doesNotHaveDuplicates();
            for (Reading s : saved) {
                assertThat(s).isEqualTo(await(db.objects(Reading.class).get("id", s.id())));
            }
        }
    }

    @AllDatabases
    void constrainedModelIsStillValidatedByBulkCreate(TestDatabase tdb) throws Exception {
        try (Oxyde db = Chinook.fresh(tdb, List.of(Artist.class))) {
            List<Artist> batch = new ArrayList<>();
            for (int i = 0; i < 600; i++) {
                batch.add(new Artist(null, i == 550 ? " " : "Band " + i));
            }
            assertThatThrownBy(() -> await(db.objects(Artist.class).bulkCreate(batch)))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                            .extracting(v -> v.path()).containsExactly("[550].name"));
            assertThat(WritesTest.scalar(tdb, "SELECT count(*) FROM artist")).isEqualTo(275L);
        }
    }
}
