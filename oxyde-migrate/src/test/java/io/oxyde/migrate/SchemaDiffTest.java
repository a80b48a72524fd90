package io.oxyde.migrate;

import static io.oxyde.migrate.ColumnType.bigint;
import static io.oxyde.migrate.ColumnType.integer;
import static io.oxyde.migrate.ColumnType.text;
import static io.oxyde.migrate.ColumnType.varchar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.oxyde.migrate.MigrationOperation.AddCheck;
import io.oxyde.migrate.MigrationOperation.AddColumn;
import io.oxyde.migrate.MigrationOperation.AlterColumn;
import io.oxyde.migrate.MigrationOperation.CreateIndex;
import io.oxyde.migrate.MigrationOperation.DropCheck;
import io.oxyde.migrate.MigrationOperation.DropColumn;
import io.oxyde.migrate.MigrationOperation.DropIndex;
import io.oxyde.migrate.MigrationOperation.ManualStep;
import io.oxyde.migrate.MigrationOperation.RenameColumn;
import io.oxyde.migrate.MigrationOperation.RenameTable;
import java.util.List;
import org.junit.jupiter.api.Test;
import io.oxyde.exception.MigrationException;

class SchemaDiffTest {

    static TableDefinition artist() {
        return TableDefinition.named("artist").withColumn(ColumnDefinition.identity("id", bigint())).withColumn(ColumnDefinition.of("name", varchar(120)))
                .withPrimaryKey("id");
    }

    static TableDefinition album() {
        return TableDefinition.named("album").withColumn(ColumnDefinition.identity("id", bigint())).withColumn(ColumnDefinition.of("title", varchar(160)))
                .withColumn(ColumnDefinition.of("artist_id", bigint())).withPrimaryKey("id")
                .withIndex(IndexDefinition.of("album_title_idx", "title"))
                .withForeignKey(ForeignKeyDefinition.of("album_artist_fk", "artist_id", "artist", "id"));
    }

    private static List<Class<?>> kinds(List<MigrationOperation> ops) {
        return ops.stream().<Class<?>>map(Object::getClass).toList();
    }

    @Test
    void identicalSchemasGiveNoOperations() {
        Schema s = Schema.of(artist(), album());
        assertThat(SchemaDiff.compute(s, s)).isEmpty();
    }

    @Test
    void addDropAndAlterColumns() {
        TableDefinition changed = artist().mapColumn("name", c -> c.withType(varchar(200)).withNullable(true))
                .withColumn(ColumnDefinition.nullable("bio", text()));
        List<MigrationOperation> ops = SchemaDiff.compute(Schema.of(artist().withColumn(ColumnDefinition.nullable("old", text()))),
                Schema.of(changed));
        assertThat(kinds(ops)).containsExactly(DropColumn.class, AlterColumn.class, AddColumn.class);
        AlterColumn alter = (AlterColumn) ops.get(1);
        assertThat(alter.from().type()).isEqualTo(varchar(120));
        assertThat(alter.to().type()).isEqualTo(varchar(200));
        assertThat(alter.to().nullable()).isTrue();
    }

    @Test
    void columnRenameHintNeverBecomesDropAndAdd() {
        TableDefinition renamed = album().mapColumn("title", c -> c.withName("name").renamedFrom("title"))
                .withIndexes(List.of(IndexDefinition.of("album_title_idx", "name")));
        List<MigrationOperation> ops = SchemaDiff.compute(Schema.of(artist(), album()), Schema.of(artist(), renamed));
        // the index follows the rename in every database, so it is not rebuilt either
        assertThat(ops).containsExactly(new RenameColumn("album", "title", "name"));
    }

    @Test
    void staleRenameHintIsHarmless() {
        TableDefinition renamed = album().mapColumn("title", c -> c.withName("name").renamedFrom("title"))
                .withIndexes(List.of(IndexDefinition.of("album_title_idx", "name")));
        Schema after = Schema.of(artist(), renamed);
        assertThat(SchemaDiff.compute(after.withoutHints(), after)).isEmpty();
    }

    @Test
    void tableRenameHintRepointsForeignKeysWithoutTouchingThem() {
        TableDefinition singer = artist().withName("singer").renamedFrom("artist");
        TableDefinition album = album().withForeignKeys(List.of(ForeignKeyDefinition.of("album_artist_fk", "artist_id", "singer", "id")));
        List<MigrationOperation> ops = SchemaDiff.compute(Schema.of(artist(), album()), Schema.of(singer, album));
        assertThat(ops).containsExactly(new RenameTable("artist", "singer"));
    }

    @Test
    void changedCheckExpressionIsDroppedBeforeTheColumnAndReadded() {
        TableDefinition before = artist().withColumn(ColumnDefinition.of("rank", integer())).withCheck(CheckDefinition.of("artist_rank", "rank > 0"))
                .withColumn(ColumnDefinition.nullable("gone", text())).withCheck(CheckDefinition.of("artist_gone", "gone <> ''"));
        TableDefinition after = artist().withColumn(ColumnDefinition.of("rank", integer())).withCheck(CheckDefinition.of("artist_rank", "rank > 1"));
        List<MigrationOperation> ops = SchemaDiff.compute(Schema.of(before), Schema.of(after));
        assertThat(kinds(ops)).containsExactly(DropCheck.class, DropCheck.class, DropColumn.class, AddCheck.class);
        assertThat(((AddCheck) ops.get(3)).check().expression()).isEqualTo("rank > 1");
    }

    @Test
    void changedPartialPredicateOrUniquenessRecreatesTheIndex() {
        TableDefinition before = artist().withIndex(IndexDefinition.unique("artist_name", "name").where("id > 10"));
        for (IndexDefinition changed : List.of(IndexDefinition.unique("artist_name", "name").where("id > 20"), IndexDefinition.of("artist_name", "name"),
                IndexDefinition.unique("artist_name", "name").where("id > 10").using(IndexMethod.HASH))) {
            List<MigrationOperation> ops = SchemaDiff.compute(Schema.of(before), Schema.of(artist().withIndex(changed)));
            assertThat(ops).containsExactly(new DropIndex("artist", before.indexes().get(0)), new CreateIndex("artist", changed));
        }
    }

    @Test
    void enumValueChangeIsAnAlterOfTheNamedEnumType() {
        TableDefinition before = artist().withColumn(ColumnDefinition.of("kind", ColumnType.enumOf("solo", "band")));
        TableDefinition after = artist().withColumn(ColumnDefinition.of("kind", ColumnType.enumOf("solo", "band", "orchestra")));
        List<MigrationOperation> ops = SchemaDiff.compute(Schema.of(before), Schema.of(after));
        assertThat(ops).hasSize(1);
        AlterColumn alter = (AlterColumn) ops.get(0);
        assertThat(alter.to().type().enumName()).isEqualTo("artist_kind");
        assertThat(alter.to().type().values()).containsExactly("solo", "band", "orchestra");
    }

    @Test
    void primaryKeyChangeAsksForAManualStep() {
        TableDefinition plain = artist().mapColumn("id", c -> ColumnDefinition.of("id", bigint()));
        TableDefinition after = plain.withPrimaryKey("id", "name");
        assertThat(SchemaDiff.compute(Schema.of(plain), Schema.of(after)))
                .singleElement().isInstanceOfSatisfying(ManualStep.class,
                        m -> assertThat(m.description()).contains("primary key of artist"));
    }

    @Test
    void invalidSchemasAreRefusedWithTheCulpritNamed() {
        TableDefinition broken = album().withForeignKeys(List.of(ForeignKeyDefinition.of("album_label_fk", "artist_id", "label", "id")));
        assertThatThrownBy(() -> SchemaDiff.compute(Schema.empty(), Schema.of(artist(), broken)))
                .isInstanceOf(MigrationException.class)
                .hasMessage("table album: foreign key album_label_fk references unknown table label");
        TableDefinition badIndex = artist().withIndex(IndexDefinition.of("artist_x", "nope"));
        assertThatThrownBy(() -> SchemaDiff.compute(Schema.empty(), Schema.of(badIndex)))
                .hasMessage("table artist: index artist_x names unknown column nope");
    }

    @Test
    void renameSuggestionsPairSimilarDroppedAndAddedColumns() {
        TableDefinition after = artist().withColumns(List.of(ColumnDefinition.identity("id", bigint()), ColumnDefinition.of("full_name", varchar(120))));
        assertThat(RenameSuggestions.find(Schema.of(artist()), Schema.of(after)))
                .containsExactly(new RenameSuggestion("artist", "name", "full_name", true));
        TableDefinition hinted = artist().withColumns(List.of(ColumnDefinition.identity("id", bigint()),
                ColumnDefinition.of("full_name", varchar(120)).renamedFrom("name")));
        assertThat(RenameSuggestions.find(Schema.of(artist()), Schema.of(hinted))).isEmpty();
        TableDefinition differentType = artist().withColumns(List.of(ColumnDefinition.identity("id", bigint()), ColumnDefinition.of("full_name", text())));
        assertThat(RenameSuggestions.find(Schema.of(artist()), Schema.of(differentType))).isEmpty();
        assertThat(RenameSuggestions.find(Schema.of(artist()), Schema.of(artist().withName("performer"))))
                .containsExactly(new RenameSuggestion("performer", "artist", "performer", false));
    }
}
