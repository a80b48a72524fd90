package io.oxyde.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.oxyde.migrate.internal.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import io.oxyde.dialect.Dialect;

class MigrationFileTest {
    @TempDir
    Path dir;

    private static Schema chinook() {
        return Schema.of(ChinookMigrationTest.artist(), ChinookMigrationTest.album(), ChinookMigrationTest.track(),
                ChinookMigrationTest.employee());
    }

    @Test
    void writtenFilesReadBackEqualWithOpDiscriminatorAndSnapshot() throws Exception {
        Migration written = Migrator.makeMigrations(chinook(), dir, null, false).orElseThrow();
        assertThat(written.name()).isEqualTo("0001_initial");
        String json = Files.readString(dir.resolve("0001_initial.json"));
        assertThat(json).contains("\"op\" : \"CreateTable\"").contains("\"snapshot\"").contains("\"checksum\" : \"" + written.checksum());
        List<Migration> loaded = MigrationLoader.load(dir);
        assertThat(loaded).containsExactly(written);
        assertThat(loaded.get(0).snapshot()).isEqualTo(chinook().withoutHints());
    }

    @Test
    void checksumIsSha256OfTheCanonicalOperationsAndSnapshotAndIgnoresFormatting() throws Exception {
        Migration m = Migrator.makeMigrations(chinook(), dir, null, false).orElseThrow();
        String json = Json.canonical(m.operations(), m.snapshot());
        assertThat(json).startsWith("{\"operations\":[{\"op\":\"CreateTable\"").contains(",\"snapshot\":{\"tables\":[");
        byte[] canonical = json.getBytes(StandardCharsets.UTF_8);
        assertThat(m.checksum()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical)));
        Path file = dir.resolve("0001_initial.json");
        Files.writeString(file, Files.readString(file).replace("\n", "\n\n  "));
        assertThat(MigrationLoader.load(dir).get(0).checksum()).isEqualTo(m.checksum());
        String text = Files.readString(file);
        int inSnapshot = text.lastIndexOf("staff, with their manager");   // the snapshot comes after the operations
        Files.writeString(file, text.substring(0, inSnapshot) + "edited" + text.substring(inSnapshot + 25));
        assertThat(MigrationLoader.load(dir).get(0).operations()).isEqualTo(m.operations());
        assertThat(MigrationLoader.load(dir).get(0).snapshot()).isNotEqualTo(m.snapshot());
        assertThat(MigrationLoader.load(dir).get(0).checksum()).as("an edited snapshot changes the checksum")
                .isNotEqualTo(m.checksum());
    }

    @Test
    void nextMigrationDiffsAgainstTheLatestSnapshotOnly() {
        Migrator.makeMigrations(chinook(), dir, null, false);
        Schema changed = Schema.of(ChinookMigrationTest.artist().withColumn(ColumnDefinition.nullable("country", ColumnType.varchar(40))),
                ChinookMigrationTest.album(), ChinookMigrationTest.track(), ChinookMigrationTest.employee());
        Migration dry = Migrator.makeMigrations(changed, dir, "country", true).orElseThrow();
        assertThat(dry.name()).isEqualTo("0002_country");
        assertThat(Files.exists(dir.resolve("0002_country.json"))).as("dry run writes nothing").isFalse();
        Migration second = Migrator.makeMigrations(changed, dir, "country", false).orElseThrow();
        assertThat(second.dependencies()).containsExactly("0001_initial");
        assertThat(second.operations()).containsExactly(
                new MigrationOperation.AddColumn("artist", ColumnDefinition.nullable("country", ColumnType.varchar(40))));
        assertThat(Migrator.makeMigrations(changed, dir, "again", false)).isEmpty();
        assertThat(dir.toFile().list()).containsExactlyInAnyOrder("0001_initial.json", "0002_country.json");
    }

    @Test
    void badFilesAreRefusedNamingTheFile() throws Exception {
        Migrator.makeMigrations(chinook(), dir, null, false);
        Files.writeString(dir.resolve("latest.json"), "{}");
        assertThatThrownBy(() -> MigrationLoader.load(dir)).hasMessageContaining("latest.json is not named NNNN_name.json");
        Files.delete(dir.resolve("latest.json"));
        Files.copy(dir.resolve("0001_initial.json"), dir.resolve("0002_copy.json"));
        assertThatThrownBy(() -> MigrationLoader.load(dir)).hasMessageContaining("says its name is 0001_initial, expected 0002_copy");
        Files.delete(dir.resolve("0002_copy.json"));
        Files.writeString(dir.resolve("0002_x.json"), "{\"name\": \"0002_x\", \"dependencies\": [\"0009_nope\"], \"operations\": []}");
        assertThatThrownBy(() -> MigrationLoader.load(dir)).hasMessageContaining("depends on 0009_nope");
        Files.writeString(dir.resolve("0002_x.json"), "{\"name\": \"0002_x\", \"operations\": [{\"op\": \"Explode\"}]}");
        assertThatThrownBy(() -> MigrationLoader.load(dir)).hasMessageContaining("cannot read migration file").hasMessageContaining("Explode");
    }

    @Test
    void everyOperationSurvivesJson() throws Exception {
        TableDefinition t = ChinookMigrationTest.artist();
        ColumnDefinition c = ColumnDefinition.nullable("x", ColumnType.arrayOf(ColumnType.enumOf("a", "b")));
        List<MigrationOperation> ops = List.of(new MigrationOperation.CreateTable(t), new MigrationOperation.DropTable(t),
                new MigrationOperation.RenameTable("a", "b"), new MigrationOperation.AddColumn("artist", c),
                new MigrationOperation.DropColumn("artist", c), new MigrationOperation.RenameColumn("artist", "x", "y"),
                new MigrationOperation.AlterColumn("artist", c, c.withNullable(false).withDefault("'{}'")),
                new MigrationOperation.CreateIndex("artist", IndexDefinition.unique("i", "name").where("name <> ''").using(IndexMethod.HASH)),
                new MigrationOperation.DropIndex("artist", IndexDefinition.of("i", "name")),
                new MigrationOperation.AddUnique("artist", UniqueDefinition.of("u", "name")),
                new MigrationOperation.DropUnique("artist", UniqueDefinition.of("u", "name")),
                new MigrationOperation.AddForeignKey("artist", ForeignKeyDefinition.of("f", "x", "t", "id")),
                new MigrationOperation.DropForeignKey("artist", ForeignKeyDefinition.of("f", "x", "t", "id")),
                new MigrationOperation.AddCheck("artist", CheckDefinition.of("c", "x > 0")),
                new MigrationOperation.DropCheck("artist", CheckDefinition.of("c", "x > 0")),
                new MigrationOperation.AlterTableComment("artist", null, "singers"),
                MigrationOperation.RawSql.of("SELECT 1", "SELECT 2"), new MigrationOperation.ManualStep("call Bob"),
                MigrationOperation.RawSql.of("SELECT 3", null).on(Dialect.POSTGRES, Dialect.SQLITE),
                MigrationOperation.RunJava.of(UppercaseAuthors.class),
                new MigrationOperation.RunJava("a.B", true));
        String json = Json.FILES.writerFor(Json.OPERATIONS).writeValueAsString(ops);
        assertThat(Json.FILES.readValue(json, Json.OPERATIONS)).isEqualTo(ops);
        assertThat(json).contains("\"dialects\" : [ \"POSTGRES\", \"SQLITE\" ]")
                .contains("\"className\" : \"io.oxyde.migrate.UppercaseAuthors\"").contains("\"backwards\" : true");
    }
}
