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

class SchemaDiffTest {

    static Table artist() {
        return Table.named("artist").withColumn(Column.identity("id", bigint())).withColumn(Column.of("name", varchar(120)))
                .withPrimaryKey("id");
    }

    static Table album() {
        return Table.named("album").withColumn(Column.identity("id", bigint())).withColumn(Column.of("title", varchar(160)))
                .withColumn(Column.of("artist_id", bigint())).withPrimaryKey("id")
                .withIndex(Index.of("album_title_idx", "title"))
                .withForeignKey(ForeignKey.of("album_artist_fk", "artist_id", "artist", "id"));
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
        Table changed = artist().mapColumn("name", c -> c.withType(varchar(200)).withNullable(true))
                .withColumn(Column.nullable("bio", text()));
        List<MigrationOperation> ops = SchemaDiff.compute(Schema.of(artist().withColumn(Column.nullable("old", text()))),
                Schema.of(changed));
        assertThat(kinds(ops)).containsExactly(DropColumn.class, AlterColumn.class, AddColumn.class);
        AlterColumn alter = (AlterColumn) ops.get(1);
        assertThat(alter.from().type()).isEqualTo(varchar(120));
        assertThat(alter.to().type()).isEqualTo(varchar(200));
        assertThat(alter.to().nullable()).isTrue();
    }

    @Test
    void columnRenameHintNeverBecomesDropAndAdd() {
        Table renamed = album().mapColumn("title", c -> c.withName("name").renamedFrom("title"))
                .withIndexes(List.of(Index.of("album_title_idx", "name")));
        List<MigrationOperation> ops = SchemaDiff.compute(Schema.of(artist(), album()), Schema.of(artist(), renamed));
        // the index follows the rename in every database, so it is not rebuilt either
        assertThat(ops).containsExactly(new RenameColumn("album", "title", "name"));
    }

    @Test
    void staleRenameHintIsHarmless() {
        Table renamed = album().mapColumn("title", c -> c.withName("name").renamedFrom("title"))
                .withIndexes(List.of(Index.of("album_title_idx", "name")));
        Schema after = Schema.of(artist(), renamed);
        assertThat(SchemaDiff.compute(after.withoutHints(), after)).isEmpty();
    }

    @Test
    void tableRenameHintRepointsForeignKeysWithoutTouchingThem() {
        Table singer = artist().withName("singer").renamedFrom("artist");
        Table album = album().withForeignKeys(List.of(ForeignKey.of("album_artist_fk", "artist_id", "singer", "id")));
        List<MigrationOperation> ops = SchemaDiff.compute(Schema.of(artist(), album()), Schema.of(singer, album));
        assertThat(ops).containsExactly(new RenameTable("artist", "singer"));
    }

    @Test
    void changedCheckExpressionIsDroppedBeforeTheColumnAndReadded() {
        Table before = artist().withColumn(Column.of("rank", integer())).withCheck(Check.of("artist_rank", "rank > 0"))
                .withColumn(Column.nullable("gone", text())).withCheck(Check.of("artist_gone", "gone <> ''"));
        Table after = artist().withColumn(Column.of("rank", integer())).withCheck(Check.of("artist_rank", "rank > 1"));
        List<MigrationOperation> ops = SchemaDiff.compute(Schema.of(before), Schema.of(after));
        assertThat(kinds(ops)).containsExactly(DropCheck.class, DropCheck.class, DropColumn.class, AddCheck.class);
        assertThat(((AddCheck) ops.get(3)).check().expression()).isEqualTo("rank > 1");
    }

    @Test
    void changedPartialPredicateOrUniquenessRecreatesTheIndex() {
        Table before = artist().withIndex(Index.unique("artist_name", "name").where("id > 10"));
        for (Index changed : List.of(Index.unique("artist_name", "name").where("id > 20"), Index.of("artist_name", "name"),
                Index.unique("artist_name", "name").where("id > 10").using(IndexMethod.HASH))) {
            List<MigrationOperation> ops = SchemaDiff.compute(Schema.of(before), Schema.of(artist().withIndex(changed)));
            assertThat(ops).containsExactly(new DropIndex("artist", before.indexes().get(0)), new CreateIndex("artist", changed));
        }
    }

    @Test
    void enumValueChangeIsAnAlterOfTheNamedEnumType() {
        Table before = artist().withColumn(Column.of("kind", ColumnType.enumOf("solo", "band")));
        Table after = artist().withColumn(Column.of("kind", ColumnType.enumOf("solo", "band", "orchestra")));
        List<MigrationOperation> ops = SchemaDiff.compute(Schema.of(before), Schema.of(after));
        assertThat(ops).hasSize(1);
        AlterColumn alter = (AlterColumn) ops.get(0);
        assertThat(alter.to().type().enumName()).isEqualTo("artist_kind");
        assertThat(alter.to().type().values()).containsExactly("solo", "band", "orchestra");
    }

    @Test
    void primaryKeyChangeAsksForAManualStep() {
        Table plain = artist().mapColumn("id", c -> Column.of("id", bigint()));
        Table after = plain.withPrimaryKey("id", "name");
        assertThat(SchemaDiff.compute(Schema.of(plain), Schema.of(after)))
                .singleElement().isInstanceOfSatisfying(ManualStep.class,
                        m -> assertThat(m.description()).contains("primary key of artist"));
    }

    @Test
    void invalidSchemasAreRefusedWithTheCulpritNamed() {
        Table broken = album().withForeignKeys(List.of(ForeignKey.of("album_label_fk", "artist_id", "label", "id")));
        assertThatThrownBy(() -> SchemaDiff.compute(Schema.empty(), Schema.of(artist(), broken)))
                .isInstanceOf(MigrationException.class)
                .hasMessage("table album: foreign key album_label_fk references unknown table label");
        Table badIndex = artist().withIndex(Index.of("artist_x", "nope"));
        assertThatThrownBy(() -> SchemaDiff.compute(Schema.empty(), Schema.of(badIndex)))
                .hasMessage("table artist: index artist_x names unknown column nope");
    }

    @Test
    void renameSuggestionsPairSimilarDroppedAndAddedColumns() {
        Table after = artist().withColumns(List.of(Column.identity("id", bigint()), Column.of("full_name", varchar(120))));
        assertThat(RenameSuggestions.find(Schema.of(artist()), Schema.of(after)))
                .containsExactly(new RenameSuggestion("artist", "name", "full_name", true));
        Table hinted = artist().withColumns(List.of(Column.identity("id", bigint()),
                Column.of("full_name", varchar(120)).renamedFrom("name")));
        assertThat(RenameSuggestions.find(Schema.of(artist()), Schema.of(hinted))).isEmpty();
        Table differentType = artist().withColumns(List.of(Column.identity("id", bigint()), Column.of("full_name", text())));
        assertThat(RenameSuggestions.find(Schema.of(artist()), Schema.of(differentType))).isEmpty();
        assertThat(RenameSuggestions.find(Schema.of(artist()), Schema.of(artist().withName("performer"))))
                .containsExactly(new RenameSuggestion("performer", "artist", "performer", false));
    }
}
