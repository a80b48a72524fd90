package io.oxyde.reliability.values;

import static io.oxyde.Oxyde.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.oxyde.Oxyde;
import io.oxyde.annotation.CreatedAt;
import io.oxyde.annotation.Table;
import io.oxyde.annotation.UpdatedAt;
import io.oxyde.exception.ModelDefinitionException;
import io.oxyde.meta.ModelMeta;
import io.oxyde.migration.Migrations;
import io.oxyde.testkit.AllDatabases;
import io.oxyde.testkit.DatabaseKind;
import io.oxyde.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 19, timestamps kept by the library: {@code @CreatedAt} is set on insert (when the model
 * holds none) and never rewritten, {@code @UpdatedAt} on every create and update (save,
 * bulkCreate, bulkUpdate, update(values), upsert), in UTC and in whole microseconds. Every
 * stored value is read back with plain SQL, in each dialect's own UTC text, and compared with
 * the clock read around the call and with the model Oxyde returned.
 */
class KeptTimestampsTest {

    @Table("v19_post")
    record Post(Long id, String title, @CreatedAt Instant createdAt, @UpdatedAt Instant updatedAt) {
    }

    @Table("v19_event")
    record Event(Long id, String name, @CreatedAt OffsetDateTime created, @UpdatedAt LocalDateTime updated) {
    }

    record TextStamp(Long id, @CreatedAt String at) {
    }

    record TwoStamps(Long id, @UpdatedAt Instant a, @UpdatedAt Instant b) {
    }

    record BothOnOne(Long id, @CreatedAt @UpdatedAt Instant at) {
    }

    @Test
    void badTimestampFieldsAreRefusedAtModelDefinition() {
        assertThatThrownBy(() -> ModelMeta.of(TextStamp.class)).isInstanceOf(ModelDefinitionException.class)
                .hasMessageContaining("TextStamp.at").hasMessageContaining("Instant, OffsetDateTime or LocalDateTime");
        assertThatThrownBy(() -> ModelMeta.of(TwoStamps.class)).isInstanceOf(ModelDefinitionException.class)
                .hasMessageContaining("TwoStamps.b").hasMessageContaining("at most one @UpdatedAt");
        assertThatThrownBy(() -> ModelMeta.of(BothOnOne.class)).isInstanceOf(ModelDefinitionException.class)
                .hasMessageContaining("BothOnOne.at").hasMessageContaining("cannot be combined");
        assertThat(ModelMeta.of(Post.class).createdAt().orElseThrow().column()).isEqualTo("created_at");
        assertThat(ModelMeta.of(Post.class).updatedAt().orElseThrow().column()).isEqualTo("updated_at");
    }

    @AllDatabases
    void everyWriteKeepsTheTimes(TestDatabase tdb) throws Exception {
        migrate(tdb);
        try (Oxyde db = ValueDbs.open(tdb); Connection c = tdb.connect(); Statement st = c.createStatement()) {
            var posts = db.objects(Post.class);
            Instant t0 = now();
            Post p = await(posts.create(new Post(null, "first", null, null)));
            Instant t1 = now();
            assertThat(p.createdAt()).isBetween(t0, t1).isEqualTo(p.updatedAt());
            assertThat(p.createdAt().getNano() % 1000).isZero(); // whole microseconds
            assertThat(stored(st, tdb, "v19_post", "created_at", p.id())).isEqualTo(utc(p.createdAt()));
            assertThat(stored(st, tdb, "v19_post", "updated_at", p.id())).isEqualTo(utc(p.updatedAt()));

            // save: the last-write time moves on, the creation time stays (even if the copy has none)
            pause();
            Instant t2 = now();
            Post saved = await(db.save(new Post(p.id(), "second", null, p.updatedAt())));
            assertThat(saved.updatedAt()).isAfterOrEqualTo(t2).isAfter(p.updatedAt());
            assertThat(stored(st, tdb, "v19_post", "updated_at", p.id())).isEqualTo(utc(saved.updatedAt()));
            assertThat(stored(st, tdb, "v19_post", "created_at", p.id())).isEqualTo(utc(p.createdAt()));

            // bulkCreate: one clock reading for the call; a creation time given (a data load) is kept
            Instant history = Instant.parse("2020-03-29T01:30:00.123456Z");
            List<Post> loaded = await(posts.bulkCreate(List.of(new Post(null, "a", null, null),
                    new Post(null, "b", history, null))));
            assertThat(loaded.get(0).createdAt()).isEqualTo(loaded.get(0).updatedAt()).isEqualTo(loaded.get(1).updatedAt());
            assertThat(loaded.get(1).createdAt()).isEqualTo(history);
            assertThat(stored(st, tdb, "v19_post", "created_at", loaded.get(1).id())).isEqualTo(utc(history));
            assertThat(stored(st, tdb, "v19_post", "updated_at", loaded.get(1).id()))
                    .isEqualTo(utc(loaded.get(1).updatedAt()));

            // bulkUpdate naming only the title still moves the last-write time of every row
            pause();
            Instant t3 = now();
            assertThat(await(posts.bulkUpdate(loaded.stream().map(x -> new Post(x.id(), x.title() + "!", x.createdAt(),
                    x.updatedAt())).toList(), "title"))).isEqualTo(2);
            LocalDateTime bulkStamp = stored(st, tdb, "v19_post", "updated_at", loaded.get(0).id());
            assertThat(bulkStamp).isAfterOrEqualTo(utc(t3))
                    .isEqualTo(stored(st, tdb, "v19_post", "updated_at", loaded.get(1).id()));
            assertThat(stored(st, tdb, "v19_post", "created_at", loaded.get(1).id())).isEqualTo(utc(history));

            // update(values): the matched rows only
            pause();
            Instant t4 = now();
            assertThat(await(posts.filter("title", "a!").update(Map.of("title", "a?")))).isEqualTo(1);
            assertThat(stored(st, tdb, "v19_post", "updated_at", loaded.get(0).id())).isAfterOrEqualTo(utc(t4));
            assertThat(stored(st, tdb, "v19_post", "updated_at", loaded.get(1).id())).isEqualTo(bulkStamp);
            // naming the field sets that value instead
            Instant chosen = Instant.parse("2021-01-01T00:00:00Z");
            await(posts.filter("id", loaded.get(1).id()).update(Map.of("updatedAt", chosen)));
            assertThat(stored(st, tdb, "v19_post", "updated_at", loaded.get(1).id())).isEqualTo(utc(chosen));

            // upsert: an existing row keeps its creation time; a new one gets both
            pause();
            Post up = await(posts.upsert(new Post(p.id(), "third", null, null), "id"));
            assertThat(up.createdAt()).isEqualTo(p.createdAt());
            assertThat(up.updatedAt()).isAfter(saved.updatedAt());
            assertThat(stored(st, tdb, "v19_post", "created_at", p.id())).isEqualTo(utc(p.createdAt()));
            Post fresh = await(posts.upsert(new Post(700L, "new", null, null), "id"));
            assertThat(fresh.createdAt()).isEqualTo(fresh.updatedAt()).isAfter(saved.updatedAt());

            // a row written by plain SQL without times: save fills the last-write time only
            st.executeUpdate("INSERT INTO v19_post (id, title) VALUES (800, 'sql')");
            Post fromSql = await(posts.get("id", 800L));
            assertThat(fromSql.createdAt()).isNull();
            Post savedSql = await(db.save(new Post(800L, "sql2", null, null)));
            assertThat(stored(st, tdb, "v19_post", "updated_at", 800L)).isEqualTo(utc(savedSql.updatedAt()));
            assertThat(nullColumn(st, "SELECT created_at FROM v19_post WHERE id = 800")).isTrue();
        }
    }

    @AllDatabases
    void offsetAndLocalFieldsAreUtc(TestDatabase tdb) throws Exception {
        migrate(tdb);
        try (Oxyde db = ValueDbs.open(tdb); Connection c = tdb.connect(); Statement st = c.createStatement()) {
            var events = db.objects(Event.class);
            Instant t0 = now();
            Event e = await(events.create(new Event(null, "launch", null, null)));
            Instant t1 = now();
            assertThat(e.created().getOffset()).isEqualTo(ZoneOffset.UTC);
            assertThat(e.created().toInstant()).isBetween(t0, t1);
            assertThat(e.updated()).isEqualTo(e.created().toLocalDateTime()); // the UTC wall clock
            assertThat(stored(st, tdb, "v19_event", "created", e.id())).isEqualTo(e.created().toLocalDateTime());
            assertThat(stored(st, tdb, "v19_event", "updated", e.id())).isEqualTo(e.updated());
            pause();
            Event read = await(events.get("id", e.id()));
            Event saved = await(db.save(new Event(read.id(), "relaunch", read.created(), read.updated())));
            assertThat(saved.updated()).isAfter(e.updated());
            assertThat(stored(st, tdb, "v19_event", "updated", e.id())).isEqualTo(saved.updated());
            assertThat(stored(st, tdb, "v19_event", "created", e.id())).isEqualTo(e.created().toLocalDateTime());
        }
    }

    private static void migrate(TestDatabase tdb) throws Exception {
        Path dir = Files.createTempDirectory("oxyde-stamps");
        Migrations.makeMigrations(List.of(Post.class, Event.class), dir, "initial", false).orElseThrow();
        Migrations.migrate(tdb.oxydeUrl(), dir);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static void pause() throws InterruptedException {
        Thread.sleep(3);
    }

    private static LocalDateTime utc(Instant i) {
        return LocalDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    /** The stored value as UTC date-time text, formatted by the database itself, parsed here. */
    private static LocalDateTime stored(Statement st, TestDatabase tdb, String table, String column, long id)
            throws Exception {
        boolean tz = column.equals("created_at") || column.equals("updated_at") || column.equals("created");
        String expr = switch (tdb.kind()) {
            case POSTGRES -> "to_char(" + column + (tz ? " AT TIME ZONE 'UTC'" : "") + ", 'YYYY-MM-DD HH24:MI:SS.US')";
            case MARIADB -> "DATE_FORMAT(" + column + ", '%Y-%m-%d %H:%i:%s.%f')";
            default -> column;
        };
        try (ResultSet rs = st.executeQuery("SELECT " + expr + " FROM " + table + " WHERE id = " + id)) {
            assertThat(rs.next()).isTrue();
            String text = rs.getString(1);
            if (tdb.kind() == DatabaseKind.SQLITE) {
                // SQLite's text form: 'YYYY-MM-DD HH:MM:SS[.ffffff]', in UTC (no offset, or a zero one)
                assertThat(text).doesNotContain("T").matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d(\\.\\d{1,6})?"
                        + "(Z|[+-]00(:?00)?)?");
                text = text.replaceAll("(Z|[+-]00(:?00)?)$", "");
                if (!text.contains(".")) {
                    text = text + ".0";
                }
            }
            return LocalDateTime.parse(text, DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.[SSSSSS][SSSSS][SSSS][SSS][SS][S]"));
        }
    }

    private static boolean nullColumn(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            rs.getObject(1);
            return rs.wasNull();
        }
    }
}
