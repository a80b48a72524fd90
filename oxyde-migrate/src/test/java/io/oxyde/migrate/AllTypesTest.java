package io.oxyde.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import io.oxyde.testkit.AllDatabases;
import io.oxyde.testkit.DatabaseKind;
import io.oxyde.testkit.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Every logical type maps to a column each database accepts, stores and returns. */
class AllTypesTest {
    @TempDir
    Path tmp;

    @AllDatabases
    void everyLogicalTypeRoundTrips(TestDatabase db) throws Exception {
        TableDefinition t = TableDefinition.named("all_types")
                .withColumn(ColumnDefinition.identity("id", ColumnType.bigint()).withComment("surrogate key"))
                .withColumn(ColumnDefinition.of("i", ColumnType.integer()).withDefault("42"))
                .withColumn(ColumnDefinition.of("s", ColumnType.smallint()))
                .withColumn(ColumnDefinition.of("b", ColumnType.bool()).withDefault("FALSE"))
                .withColumn(ColumnDefinition.of("d", ColumnType.doubleType()))
                .withColumn(ColumnDefinition.of("n", ColumnType.decimal(12, 3)))
                .withColumn(ColumnDefinition.of("v", ColumnType.varchar(30)))
                .withColumn(ColumnDefinition.nullable("t", ColumnType.text()))
                .withColumn(ColumnDefinition.nullable("bin", ColumnType.bytes()))
                .withColumn(ColumnDefinition.of("day", ColumnType.date()))
                .withColumn(ColumnDefinition.nullable("tm", ColumnType.time()))
                .withColumn(ColumnDefinition.of("ts", ColumnType.timestamp()).withDefault("CURRENT_TIMESTAMP"))
                .withColumn(ColumnDefinition.nullable("tstz", ColumnType.timestamptz()))
                .withColumn(ColumnDefinition.nullable("u", ColumnType.uuid()))
                .withColumn(ColumnDefinition.nullable("j", ColumnType.json()))
                .withColumn(ColumnDefinition.of("mood", ColumnType.enumOf("happy", "sad")).withDefault("'happy'"))
                .withColumn(ColumnDefinition.nullable("tags", ColumnType.arrayOf(ColumnType.text())))
                .withColumn(ColumnDefinition.nullable("raw", ColumnType.verbatim("VARCHAR(7)")))
                .withPrimaryKey("id").withComment("one column of every type");
        try (MigrationFixture f = new MigrationFixture(db, tmp)) {
            Migrator.makeMigrations(Schema.of(t), f.dir, null, false).orElseThrow();
            f.migrator.migrate();
            String tags = db.kind() == DatabaseKind.POSTGRES ? "ARRAY['x','y']" : "'[\"x\",\"y\"]'";
            String json = db.kind() == DatabaseKind.POSTGRES ? "'{\"a\": 1}'::jsonb" : "'{\"a\": 1}'";
            String uuid = db.kind() == DatabaseKind.POSTGRES ? "'6f1c0a52-2a9e-4b1e-9d7e-0c6d1e0b7a11'::uuid"
                    : "'6f1c0a52-2a9e-4b1e-9d7e-0c6d1e0b7a11'";
            String mood = db.kind() == DatabaseKind.POSTGRES ? "'sad'::all_types_mood" : "'sad'";
            f.exec("INSERT INTO all_types (s, d, n, v, t, day, tm, tstz, u, j, mood, tags, raw) VALUES "
                    + "(7, 1.5, 123456789.125, 'héllo', 'long text', '2024-02-29', '13:14:15', '2024-02-29 10:00:00', "
                    + uuid + ", " + json + ", " + mood + ", " + tags + ", 'seven77')");
            assertThat(f.rows("SELECT id, i, s, v, t, day, raw FROM all_types"))
                    .containsExactly("1|42|7|héllo|long text|2024-02-29|seven77");
            assertThat(f.rows("SELECT n FROM all_types")).singleElement().asString().startsWith("123456789.125");
            assertThat(f.rows("SELECT mood FROM all_types")).containsExactly("sad");
            assertThat(f.rows("SELECT u FROM all_types")).containsExactly("6f1c0a52-2a9e-4b1e-9d7e-0c6d1e0b7a11");
            assertThat(f.rows("SELECT ts FROM all_types")).singleElement().asString().isNotBlank();
            assertThat(f.live.succeeds("INSERT INTO all_types (s, d, n, v, day, mood) VALUES (1, 1, 1, 'x', '2024-01-01', 'angry')"))
                    .as("enum rejects unknown values").isFalse();
        }
    }
}
