package io.oxyde.reliability.values;

import static io.oxyde.Oxyde.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.oxyde.Oxyde;
import io.oxyde.annotation.Id;
import io.oxyde.annotation.IdStrategy;
import io.oxyde.annotation.Table;
import io.oxyde.annotation.Version;
import io.oxyde.exception.FieldException;
import io.oxyde.exception.ModelDefinitionException;
import io.oxyde.exception.StaleObjectException;
import io.oxyde.meta.ModelMeta;
import io.oxyde.migration.Migrations;
import io.oxyde.testkit.AllDatabases;
import io.oxyde.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Issue 19, optimistic locking: a {@code @Version} field is incremented by every update through
 * the model, and {@code save} / {@code bulkUpdate} of a copy whose version another writer (plain
 * JDBC, between the read and the save) has moved on fail with {@link StaleObjectException} and
 * change nothing. The stored rows are read back with plain SQL.
 */
class OptimisticLockingTest {

    @Table("v19_doc")
    record Doc(@Id Long id, String title, @Version Long version) {
    }

    /** A primitive version and a client-chosen key. */
    @Table("v19_note")
    record Note(@Id(strategy = IdStrategy.CLIENT) String code, String text, @Version int version) {
    }

    /** A class model: changed in place, so a stale save must leave its version alone. */
    @Table("v19_memo")
    static class Memo {
        Long id;
        String text;
        @Version long version;
    }

    record TwoVersions(Long id, @Version Long a, @Version Long b) {
    }

    record TextVersion(Long id, @Version String v) {
    }

    record KeyVersion(@Version Long id, String name) {
    }

    @Test
    void badVersionFieldsAreRefusedAtModelDefinition() {
        assertThatThrownBy(() -> ModelMeta.of(TwoVersions.class)).isInstanceOf(ModelDefinitionException.class)
                .hasMessageContaining("TwoVersions.b").hasMessageContaining("at most one @Version");
        assertThatThrownBy(() -> ModelMeta.of(TextVersion.class)).isInstanceOf(ModelDefinitionException.class)
                .hasMessageContaining("TextVersion.v").hasMessageContaining("integer");
        assertThatThrownBy(() -> ModelMeta.of(KeyVersion.class)).isInstanceOf(ModelDefinitionException.class)
                .hasMessageContaining("KeyVersion.id").hasMessageContaining("primary key");
        assertThat(ModelMeta.of(Doc.class).version().orElseThrow().column()).isEqualTo("version");
    }

    @AllDatabases
    void saveChecksAndIncrementsTheVersion(TestDatabase tdb) throws Exception {
        migrate(tdb);
        try (Oxyde db = ValueDbs.open(tdb); Connection c = tdb.connect(); Statement st = c.createStatement()) {
            var docs = db.objects(Doc.class);
            Doc created = await(docs.create(new Doc(null, "draft", null)));
            assertThat(created.version()).isEqualTo(0L);
            assertThat(row(st, created.id())).isEqualTo("draft/0");

            Doc saved = await(db.save(new Doc(created.id(), "first", created.version())));
            assertThat(saved.version()).isEqualTo(1L);
            assertThat(row(st, created.id())).isEqualTo("first/1");
            assertThat(await(db.refresh(created)).version()).isEqualTo(1L);

            // another program changes the row between our read and our save
            Doc read = await(docs.get("id", created.id()));
            assertThat(st.executeUpdate("UPDATE v19_doc SET title = 'theirs', version = version + 1 WHERE id = "
                    + created.id())).isEqualTo(1);
            assertThatThrownBy(() -> await(db.save(new Doc(read.id(), "mine", read.version()))))
                    .isInstanceOfSatisfying(StaleObjectException.class, e -> {
                        assertThat(e.model()).isEqualTo(Doc.class);
                        assertThat(e.key()).isEqualTo(created.id());
                        assertThat(e.expectedVersion()).isEqualTo(1L);
                        assertThat(e.getMessage()).contains("Doc with key " + created.id())
                                .contains("changed by another writer");
                    });
            assertThat(row(st, created.id())).isEqualTo("theirs/2");
            // the fresh copy saves
            Doc fresh = await(db.refresh(read));
            assertThat(await(db.save(new Doc(fresh.id(), "mine", fresh.version()))).version()).isEqualTo(3L);
            assertThat(row(st, created.id())).isEqualTo("mine/3");

            // deleted since it was read: stale too, and nothing is re-inserted
            st.executeUpdate("DELETE FROM v19_doc WHERE id = " + created.id());
            assertThatThrownBy(() -> await(db.save(new Doc(created.id(), "ghost", 3L))))
                    .isInstanceOfSatisfying(StaleObjectException.class,
                            e -> assertThat(e.getMessage()).contains("the row was deleted"));
            assertThat(count(st, "SELECT COUNT(*) FROM v19_doc WHERE id = " + created.id())).isZero();

            // inside a transaction: the stale save fails, the transaction rolls back
            Doc other = await(docs.create(new Doc(null, "other", null)));
            st.executeUpdate("UPDATE v19_doc SET version = 7 WHERE id = " + other.id());
            assertThatThrownBy(() -> await(db.atomic(tx -> tx.objects(Doc.class).create(new Doc(null, "in tx", null))
                    .thenCompose(x -> tx.save(new Doc(other.id(), "stale", 0L))))))
                    .isInstanceOf(StaleObjectException.class);
            assertThat(count(st, "SELECT COUNT(*) FROM v19_doc WHERE title = 'in tx'")).isZero();
            assertThat(row(st, other.id())).isEqualTo("other/7");

            // a primitive version and a client key: version 0 on a missing row is a new model, inserted
            var notes = db.objects(Note.class);
            Note n = await(db.save(new Note("n1", "hello", 0)));
            assertThat(n.version()).isZero();
            assertThat(await(db.save(new Note("n1", "hello again", n.version()))).version()).isEqualTo(1);
            assertThatThrownBy(() -> await(db.save(new Note("n1", "stale", 0)))).isInstanceOf(StaleObjectException.class);
            try (ResultSet rs = st.executeQuery("SELECT text, version FROM v19_note WHERE code = 'n1'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1) + "/" + rs.getLong(2)).isEqualTo("hello again/1");
            }
            assertThat(await(notes.count())).isEqualTo(1L);

            // a class model is changed in place: on success it carries the new version, when stale its old one
            Memo memo = new Memo();
            memo.text = "first";
            Memo stored = await(db.objects(Memo.class).create(memo));
            stored.text = "second";
            assertThat(await(db.save(stored)).version).isEqualTo(1L);
            assertThat(stored.version).isEqualTo(1L);
            st.executeUpdate("UPDATE v19_memo SET version = 5 WHERE id = " + stored.id);
            stored.text = "stale";
            assertThatThrownBy(() -> await(db.save(stored))).isInstanceOf(StaleObjectException.class);
            assertThat(stored.version).isEqualTo(1L);
            try (ResultSet rs = st.executeQuery("SELECT text, version FROM v19_memo WHERE id = " + stored.id)) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1) + "/" + rs.getLong(2)).isEqualTo("second/5");
            }
        }
    }

    @AllDatabases
    void bulkUpdateIsAllOrNothing(TestDatabase tdb) throws Exception {
        migrate(tdb);
        try (Oxyde db = ValueDbs.open(tdb); Connection c = tdb.connect(); Statement st = c.createStatement()) {
            var docs = db.objects(Doc.class);
            List<Doc> loaded = await(docs.bulkCreate(List.of(new Doc(null, "a", null), new Doc(null, "b", null),
                    new Doc(null, "c", null))));
            assertThat(loaded).extracting(Doc::version).containsExactly(0L, 0L, 0L);
            List<Doc> edited = new ArrayList<>();
            for (Doc d : loaded) {
                edited.add(new Doc(d.id(), d.title() + "2", d.version()));
            }
            assertThat(await(docs.bulkUpdate(edited, "title"))).isEqualTo(3);
            for (Doc d : loaded) {
                assertThat(row(st, d.id())).isEqualTo(d.title() + "2/1");
            }

            // the middle row is changed by plain SQL: the whole bulkUpdate fails and changes nothing
            List<Doc> current = await(docs.orderBy("id").all());
            Doc middle = current.get(1);
            st.executeUpdate("UPDATE v19_doc SET version = version + 1 WHERE id = " + middle.id());
            List<Doc> third = current.stream().map(d -> new Doc(d.id(), d.title() + "3", d.version())).toList();
            assertThatThrownBy(() -> await(docs.bulkUpdate(third, "title")))
                    .isInstanceOfSatisfying(StaleObjectException.class, e -> {
                        assertThat(e.key()).isEqualTo(middle.id());
                        assertThat(e.expectedVersion()).isEqualTo(1L);
                    });
            assertThat(row(st, current.get(0).id())).isEqualTo("a2/1");
            assertThat(row(st, middle.id())).isEqualTo("b2/2");
            assertThat(row(st, current.get(2).id())).isEqualTo("c2/1");

            // inside the caller's transaction: only the bulkUpdate is undone, the rest commits
            Integer outcome = await(db.atomic(tx -> tx.objects(Doc.class).create(new Doc(null, "kept", null))
                    .thenCompose(k -> tx.objects(Doc.class).bulkUpdate(third, "title"))
                    .exceptionally(e -> -1)));
            assertThat(outcome).isEqualTo(-1);
            assertThat(count(st, "SELECT COUNT(*) FROM v19_doc WHERE title = 'kept'")).isEqualTo(1);
            assertThat(row(st, current.get(0).id())).isEqualTo("a2/1");

            // naming the version is refused: Oxyde keeps it
            assertThatThrownBy(() -> await(docs.bulkUpdate(third, "title", "version")))
                    .isInstanceOfSatisfying(FieldException.class, e -> assertThat(e.getMessage()).contains("kept by Oxyde"));
        }
    }

    @AllDatabases
    void queryUpdatesAndUpsertsMoveTheVersionOn(TestDatabase tdb) throws Exception {
        migrate(tdb);
        try (Oxyde db = ValueDbs.open(tdb); Connection c = tdb.connect(); Statement st = c.createStatement()) {
            var docs = db.objects(Doc.class);
            Doc a = await(docs.create(new Doc(null, "x", null)));
            Doc b = await(docs.create(new Doc(null, "x", null)));
            Doc z = await(docs.create(new Doc(null, "z", null)));
            assertThat(await(docs.filter("title", "x").update(Map.of("title", "y")))).isEqualTo(2);
            assertThat(row(st, a.id())).isEqualTo("y/1");
            assertThat(row(st, b.id())).isEqualTo("y/1");
            assertThat(row(st, z.id())).isEqualTo("z/0");
            // a copy read before the update is now stale
            assertThatThrownBy(() -> await(db.save(new Doc(a.id(), "late", 0L)))).isInstanceOf(StaleObjectException.class);

            // upsert: an existing row keeps counting (its version is not overwritten by the proposal's)
            Doc up = await(docs.upsert(new Doc(z.id(), "z2", 0L), "id"));
            assertThat(up.version()).isEqualTo(1L);
            assertThat(row(st, z.id())).isEqualTo("z2/1");
            Doc inserted = await(docs.upsert(new Doc(500L, "new", null), "id"));
            assertThat(inserted.version()).isEqualTo(0L);
            assertThat(row(st, 500L)).isEqualTo("new/0");

            // updateOrCreate saves the row it found: the version moves on
            var changed = await(docs.updateOrCreate(Map.of("id", z.id()), Map.of("title", "z3")));
            assertThat(changed.created()).isFalse();
            assertThat(changed.object().version()).isEqualTo(2L);
            assertThat(row(st, z.id())).isEqualTo("z3/2");

            // rows written by plain SQL, as another program would
            st.executeUpdate("INSERT INTO v19_doc (id, title, version) VALUES (900, 'sql', 41)");
            Doc fromSql = await(docs.get("id", 900L));
            assertThat(fromSql.version()).isEqualTo(41L);
            assertThat(await(db.save(new Doc(900L, "sql2", fromSql.version()))).version()).isEqualTo(42L);
            assertThat(row(st, 900L)).isEqualTo("sql2/42");

            // concurrent savers of the same copy: exactly one wins
            Doc base = await(docs.get("id", 900L));
            List<CompletableFuture<Doc>> racers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                racers.add(db.save(new Doc(900L, "racer" + i, base.version())));
            }
            int won = 0;
            for (CompletableFuture<Doc> r : racers) {
                try {
                    await(r);
                    won++;
                } catch (StaleObjectException expected) {
                    // lost the race
                }
            }
            assertThat(won).isEqualTo(1);
            assertThat(row(st, 900L)).startsWith("racer").endsWith("/43");
        }
    }

    private static void migrate(TestDatabase tdb) throws Exception {
        Path dir = Files.createTempDirectory("oxyde-version");
        Migrations.makeMigrations(List.of(Doc.class, Note.class, Memo.class), dir, "initial", false).orElseThrow();
        Migrations.migrate(tdb.oxydeUrl(), dir);
    }

    private static String row(Statement st, long id) throws Exception {
        try (ResultSet rs = st.executeQuery("SELECT title, version FROM v19_doc WHERE id = " + id)) {
            assertThat(rs.next()).as("row %s exists", id).isTrue();
            return rs.getString(1) + "/" + rs.getLong(2);
        }
    }

    private static long count(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
