package io.oxyde.migrate;

import static io.oxyde.migrate.ColumnType.bigint;
import static io.oxyde.migrate.ColumnType.integer;
import static io.oxyde.migrate.ColumnType.text;
import static io.oxyde.migrate.ColumnType.varchar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.oxyde.migrate.MigrationOperation.ManualStep;
import io.oxyde.migrate.MigrationOperation.RawSql;
import io.oxyde.testkit.AllDatabases;
import io.oxyde.testkit.DatabaseKind;
import io.oxyde.testkit.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import io.oxyde.exception.MigrationException;

/**
 * Every operation on every database: applied to tables holding rows, checked by reading the live
 * schema (and by probing constraints), rolled back, checked again; the rows survive throughout.
 */
class OperationsTest {
    private static final String ROWS_SQL = "SELECT id, name, qty FROM item ORDER BY id";
    private static final List<String> ROWS = List.of("1|a|1", "2|b|2");

    @TempDir
    Path tmp;

    static TableDefinition owner() {
        return TableDefinition.named("owner").withColumn(ColumnDefinition.of("id", bigint())).withColumn(ColumnDefinition.of("name", varchar(50)))
                .withPrimaryKey("id");
    }

    static TableDefinition item() {
        return TableDefinition.named("item")
                .withColumn(ColumnDefinition.identity("id", bigint()))
                .withColumn(ColumnDefinition.of("name", varchar(50)))
                .withColumn(ColumnDefinition.of("qty", integer()).withDefault("0"))
                .withColumn(ColumnDefinition.nullable("note", text()))
                .withColumn(ColumnDefinition.nullable("owner_id", bigint()))
                .withPrimaryKey("id");
    }

    /** Base schema migrated as 0001_base, with two owners and two items. */
    private MigrationFixture start(TestDatabase db, TableDefinition owner, TableDefinition item) throws Exception {
        MigrationFixture f = new MigrationFixture(db, tmp.resolve(db.kind().label()));
        Migrator.makeMigrations(Schema.of(owner, item), f.dir, "base", false).orElseThrow();
        assertThat(f.migrator.migrate().applied()).containsExactly("0001_base");
        f.exec("INSERT INTO owner (id, name) VALUES (1, 'o1'), (2, 'o2')");
        f.exec("INSERT INTO item (id, name, qty, note, owner_id) VALUES (1, 'a', 1, 'x', 1), (2, 'b', 2, NULL, 2)");
        assertThat(f.rows(ROWS_SQL)).isEqualTo(ROWS);
        return f;
    }

    private MigrationFixture start(TestDatabase db) throws Exception {
        return start(db, owner(), item());
    }

    @AllDatabases
    void createAndDropTable(TestDatabase db) throws Exception {
        try (MigrationFixture f = start(db)) {
            TableDefinition tag = TableDefinition.named("tag").withColumn(ColumnDefinition.of("id", bigint())).withColumn(ColumnDefinition.of("label", text()))
                    .withPrimaryKey("id").withComment("free-form labels");
            f.change(Schema.of(owner(), item(), tag), "tag", MigrationOperation.CreateTable.class);
            assertThat(f.live.tables()).containsExactly("item", "owner", "tag");
            f.exec("INSERT INTO tag (id, label) VALUES (1, 'red')");
            f.change(Schema.of(owner(), item()), "untag", MigrationOperation.DropTable.class);
            assertThat(f.live.tables()).containsExactly("item", "owner");
            f.rollbackTo("0002_tag");
            assertThat(f.live.tables()).containsExactly("item", "owner", "tag");
            assertThat(f.live.columns("tag")).containsOnlyKeys("id", "label");
            f.rollbackTo("0001_base");
            assertThat(f.live.tables()).containsExactly("item", "owner");
            assertThat(f.rows(ROWS_SQL)).isEqualTo(ROWS);
        }
    }

    @AllDatabases
    void renameTable(TestDatabase db) throws Exception {
        try (MigrationFixture f = start(db)) {
            f.change(Schema.of(owner(), item().withName("article").renamedFrom("item")), "rename",
                    MigrationOperation.RenameTable.class);
            assertThat(f.live.tables()).containsExactly("article", "owner");
            assertThat(f.rows("SELECT id, name, qty FROM article ORDER BY id")).isEqualTo(ROWS);
            f.rollbackTo("0001_base");
            assertThat(f.live.tables()).containsExactly("item", "owner");
            assertThat(f.rows(ROWS_SQL)).isEqualTo(ROWS);
        }
    }

    @AllDatabases
    void addColumnWithDefault(TestDatabase db) throws Exception {
        try (MigrationFixture f = start(db)) {
            f.change(Schema.of(owner(), item().withColumn(ColumnDefinition.of("price", ColumnType.decimal(10, 2)).withDefault("0"))),
                    "price", MigrationOperation.AddColumn.class);
            assertThat(f.live.columns("item")).containsKey("price");
            assertThat(f.rows("SELECT id, price FROM item ORDER BY id")).extracting(r -> r.replaceAll("\\.0+$", ""))
                    .containsExactly("1|0", "2|0");
            f.rollbackTo("0001_base");
            assertThat(f.live.columns("item")).doesNotContainKey("price");
            assertThat(f.rows(ROWS_SQL)).isEqualTo(ROWS);
        }
    }

    @AllDatabases
    void dropColumn(TestDatabase db) throws Exception {
        try (MigrationFixture f = start(db)) {
            TableDefinition without = item().withColumns(item().columns().stream().filter(c -> !c.name().equals("note")).toList());
            f.change(Schema.of(owner(), without), "drop_note", MigrationOperation.DropColumn.class);
            assertThat(f.live.columns("item")).doesNotContainKey("note").containsKeys("id", "name", "qty", "owner_id");
            assertThat(f.rows(ROWS_SQL)).isEqualTo(ROWS);
            f.rollbackTo("0001_base");
            assertThat(f.live.columns("item")).containsKey("note");
            assertThat(f.live.columns("item").get("note").nullable()).isTrue();
            assertThat(f.rows(ROWS_SQL)).isEqualTo(ROWS);
        }
    }

    @AllDatabases
    void renameColumnFromHint(TestDatabase db) throws Exception {
        try (MigrationFixture f = start(db)) {
            TableDefinition renamed = item().mapColumn("name", c -> c.withName("title").renamedFrom("name"));
            Migration m = f.change(Schema.of(owner(), renamed), "title", MigrationOperation.RenameColumn.class);
            assertThat(m.operations()).noneMatch(op -> op instanceof MigrationOperation.DropColumn
                    || op instanceof MigrationOperation.AddColumn);
            assertThat(f.live.columns("item")).containsKey("title").doesNotContainKey("name");
            assertThat(f.rows("SELECT id, title, qty FROM item ORDER BY id")).isEqualTo(ROWS);
            f.rollbackTo("0001_base");
            assertThat(f.rows(ROWS_SQL)).isEqualTo(ROWS);
        }
    }

    @AllDatabases
    void alterColumnTypeLengthNullabilityDefault(TestDatabase db) throws Exception {
        try (MigrationFixture f = start(db)) {
            TableDefinition altered = item().mapColumn("name", c -> c.withType(varchar(200)).withNullable(true))
                    .mapColumn("qty", c -> c.withType(bigint()).withDefault("7"));
            f.change(Schema.of(owner(), altered), "widen", MigrationOperation.AlterColumn.class);
            LiveSchema.ColumnInfo name = f.live.columns("item").get("name");
            assertThat(name.size()).isEqualTo(200);
            assertThat(name.nullable()).isTrue();
            assertThat(f.live.columns("item").get("qty").type()).isIn("BIGINT", "INT8", "INTEGER");
            assertThat(f.live.columns("item").get("qty").defaultValue()).contains("7");
            assertThat(f.rows(ROWS_SQL)).isEqualTo(ROWS);
            f.exec("INSERT INTO item (id, name) VALUES (3, NULL)");
            assertThat(f.rows("SELECT qty FROM item WHERE id = 3")).containsExactly("7");
            f.exec("DELETE FROM item WHERE id = 3");
            f.rollbackTo("0001_base");
            name = f.live.columns("item").get("name");
            assertThat(name.size()).isEqualTo(50);
            assertThat(name.nullable()).isFalse();
            assertThat(f.live.columns("item").get("qty").defaultValue()).contains("0");
            assertThat(f.rows(ROWS_SQL)).isEqualTo(ROWS);
        }
    }

    @AllDatabases
    void alterColumnIntegerToText(TestDatabase db) throws Exception {
        try (MigrationFixture f = start(db)) {
            TableDefinition altered = item().mapColumn("qty", c -> c.withType(varchar(20)).withDefault("'0'"));
            f.change(Schema.of(owner(), altered), "qty_text", MigrationOperation.AlterColumn.class);
            assertThat(f.live.columns("item").get("qty").type()).isIn("VARCHAR");
            assertThat(f.rows(ROWS_SQL)).isEqualTo(ROWS);
            f.rollbackTo("0001_base");
            assertThat(f.live.columns("item").get("qty").type()).isIn("INT", "INT4", "INTEGER");
            assertThat(f.rows(ROWS_SQL)).isEqualTo(ROWS);
        }
    }

    @AllDatabases
    void createAndDropIndex(TestDatabase db) throws Exception {
        try (MigrationFixture f = start(db)) {
            f.change(Schema.of(owner(), item().withIndex(IndexDefinition.of("item_name_idx", "name"))), "ix",
                    MigrationOperation.CreateIndex.class);
            assertThat(f.live.indexes("item")).containsEntry("item_name_idx", false);
            f.change(Schema.of(owner(), item()), "unix", MigrationOperation.DropIndex.class);
            assertThat(f.live.indexes("item")).doesNotContainKey("item_name_idx");
            f.rollbackTo("0002_ix");
            assertThat(f.live.indexes("item")).containsEntry("item_name_idx", false);
            f.rollbackTo("0001_base");
            assertThat(f.live.indexes("item")).doesNotContainKey("item_name_idx");
            assertThat(f.rows(ROWS_SQL)).isEqualTo(ROWS);
        }
    }

    @AllDatabases
    void uniqueIndexRejectsDuplicates(TestDatabase db) throws Exception {
        try (MigrationFixture f = start(db)) {
            f.change(Schema.of(owner(), item().withIndex(IndexDefinition.unique("item_name_key", "name"))), "uq",
                    MigrationOperation.CreateIndex.class);
            assertThat(f.live.indexes("item")).containsEntry("item_name_key", true);
            assertThat(f.live.succeeds("INSERT INTO item (id, name, qty) VALUES (3, 'a', 5)")).isFalse();
            f.rollbackTo("0001_base");
            assertThat(f.live.succeeds("INSERT INTO item (id, name, qty) VALUES (3, 'a', 5)")).isTrue();
            f.exec("DELETE FROM item WHERE id = 3");
            assertThat(f.rows(ROWS_SQL)).isEqualTo(ROWS);
        }
    }

    @AllDatabases
    void partialUniqueIndex(TestDatabase db) throws Exception {
        try (MigrationFixture f = start(db)) {
            Schema target = Schema.of(owner(), item().withIndex(IndexDefinition.unique("item_live_name", "name").where("qty > 0")));
            if (db.kind() == DatabaseKind.MARIADB) {
                Migrator.makeMigrations(target, f.dir, "partial", false).orElseThrow();
                assertThatThrownBy(f.migrator::migrate).isInstanceOf(MigrationException.class)
                        .hasMessageContaining("unique partial index item_live_name")
                        .hasMessageContaining("MariaDB");
                assertThat(f.migrator.status()).extracting(MigrationStatus::applied).containsExactly(true, false);
                java.nio.file.Files.delete(f.dir.resolve("0002_partial.json"));
                return;
            }
            f.change(target, "partial", MigrationOperation.CreateIndex.class);
            f.exec("INSERT INTO item (id, name, qty) VALUES (3, 'a', 0)");
            assertThat(f.live.succeeds("INSERT INTO item (id, name, qty) VALUES (4, 'a', 9)")).isFalse();
            // a changed predicate is a new index: drop + create
            Migration m = f.change(Schema.of(owner(), item().withIndex(IndexDefinition.unique("item_live_name", "name").where("qty > 5"))),
                    "partial2", MigrationOperation.DropIndex.class);
            assertThat(m.operations()).hasAtLeastOneElementOfType(MigrationOperation.CreateIndex.class);
            assertThat(f.live.succeeds("INSERT INTO item (id, name, qty) VALUES (4, 'a', 2)")).isTrue();
            f.exec("DELETE FROM item WHERE id IN (3, 4)");
            f.rollbackTo("0001_base");
            assertThat(f.live.indexes("item")).doesNotContainKey("item_live_name");
            assertThat(f.rows(ROWS_SQL)).isEqualTo(ROWS);
        }
    }

    @AllDatabases
    void addAndDropUniqueTogether(TestDatabase db) throws Exception {
        try (MigrationFixture f = start(db)) {
            f.change(Schema.of(owner(), item().withUnique(UniqueDefinition.of("item_name_qty_key", "name", "qty"))), "ut",
                    MigrationOperation.AddUnique.class);
            assertThat(f.rows(ROWS_SQL)).isEqualTo(ROWS);
            assertThat(f.live.succeeds("INSERT INTO item (id, name, qty) VALUES (3, 'a', 1)")).isFalse();
            assertThat(f.live.succeeds("INSERT INTO item (id, name, qty) VALUES (3, 'a', 3)")).isTrue();
            f.exec("DELETE FROM item WHERE id = 3");
            f.change(Schema.of(owner(), item()), "unut", MigrationOperation.DropUnique.class);
            assertThat(f.live.succeeds("INSERT INTO item (id, name, qty) VALUES (3, 'a', 1)")).isTrue();
            f.exec("DELETE FROM item WHERE id = 3");
            f.rollbackTo("0002_ut");
            assertThat(f.live.succeeds("INSERT INTO item (id, name, qty) VALUES (3, 'a', 1)")).isFalse();
            f.rollbackTo("0001_base");
            assertThat(f.live.succeeds("INSERT INTO item (id, name, qty) VALUES (3, 'a', 1)")).isTrue();
            f.exec("DELETE FROM item WHERE id = 3");
            assertThat(f.rows(ROWS_SQL)).isEqualTo(ROWS);
        }
    }

    @AllDatabases
    void addAndDropForeignKey(TestDatabase db) throws Exception {
        try (MigrationFixture f = start(db)) {
            ForeignKeyDefinition fk = ForeignKeyDefinition.of("item_owner_fk", "owner_id", "owner", "id").onDelete(ReferentialAction.CASCADE);
            f.change(Schema.of(owner(), item().withForeignKey(fk)), "fk", MigrationOperation.AddForeignKey.class);
            assertThat(f.live.foreignKeys("item")).containsEntry("owner_id", "owner");
            assertThat(f.live.succeeds("INSERT INTO item (id, name, qty, owner_id) VALUES (3, 'c', 1, 99)")).isFalse();
            assertThat(f.rows(ROWS_SQL)).isEqualTo(ROWS);
            f.change(Schema.of(owner(), item()), "unfk", MigrationOperation.DropForeignKey.class);
            assertThat(f.live.foreignKeys("item")).isEmpty();
            f.rollbackTo("0002_fk");
            assertThat(f.live.foreignKeys("item")).containsEntry("owner_id", "owner");
            f.rollbackTo("0001_base");
            assertThat(f.live.foreignKeys("item")).isEmpty();
            assertThat(f.live.succeeds("INSERT INTO item (id, name, qty, owner_id) VALUES (3, 'c', 1, 99)")).isTrue();
            f.exec("DELETE FROM item WHERE id = 3");
            assertThat(f.rows(ROWS_SQL)).isEqualTo(ROWS);
        }
    }

    @AllDatabases
    void addChangeAndDropCheck(TestDatabase db) throws Exception {
        try (MigrationFixture f = start(db)) {
            f.change(Schema.of(owner(), item().withCheck(CheckDefinition.of("item_qty_positive", "qty >= 0"))), "ck",
                    MigrationOperation.AddCheck.class);
            assertThat(f.live.succeeds("INSERT INTO item (id, name, qty) VALUES (3, 'c', -1)")).isFalse();
            Migration changed = f.change(Schema.of(owner(), item().withCheck(CheckDefinition.of("item_qty_positive", "qty >= -5"))),
                    "ck2", MigrationOperation.DropCheck.class);
            assertThat(changed.operations()).hasAtLeastOneElementOfType(MigrationOperation.AddCheck.class);
            assertThat(f.live.succeeds("INSERT INTO item (id, name, qty) VALUES (3, 'c', -1)")).isTrue();
            assertThat(f.live.succeeds("INSERT INTO item (id, name, qty) VALUES (4, 'd', -9)")).isFalse();
            f.exec("DELETE FROM item WHERE id = 3");
            f.change(Schema.of(owner(), item()), "unck", MigrationOperation.DropCheck.class);
            assertThat(f.live.succeeds("INSERT INTO item (id, name, qty) VALUES (4, 'd', -9)")).isTrue();
            f.exec("DELETE FROM item WHERE id = 4");
            f.rollbackTo("0002_ck");
            assertThat(f.live.succeeds("INSERT INTO item (id, name, qty) VALUES (3, 'c', -1)")).isFalse();
            f.rollbackTo("0001_base");
            assertThat(f.live.succeeds("INSERT INTO item (id, name, qty) VALUES (3, 'c', -1)")).isTrue();
            f.exec("DELETE FROM item WHERE id = 3");
            assertThat(f.rows(ROWS_SQL)).isEqualTo(ROWS);
        }
    }

    @AllDatabases
    void enumValuesChange(TestDatabase db) throws Exception {
        TableDefinition withStatus = item().withColumn(ColumnDefinition.of("status", ColumnType.enumOf("new", "done")).withDefault("'new'"));
        try (MigrationFixture f = start(db, owner(), withStatus)) {
            assertThat(f.live.succeeds("INSERT INTO item (id, name, qty, status) VALUES (3, 'c', 1, 'archived')")).isFalse();
            TableDefinition more = item().withColumn(ColumnDefinition.of("status", ColumnType.enumOf("new", "done", "archived")).withDefault("'new'"));
            f.change(Schema.of(owner(), more), "archived", MigrationOperation.AlterColumn.class);
            assertThat(f.rows("SELECT id, status FROM item ORDER BY id")).containsExactly("1|new", "2|new");
            assertThat(f.live.succeeds("INSERT INTO item (id, name, qty, status) VALUES (3, 'c', 1, 'archived')")).isTrue();
            f.exec("DELETE FROM item WHERE id = 3");
            f.rollbackTo("0001_base");
            assertThat(f.live.succeeds("INSERT INTO item (id, name, qty, status) VALUES (3, 'c', 1, 'archived')")).isFalse();
            assertThat(f.rows("SELECT id, status FROM item ORDER BY id")).containsExactly("1|new", "2|new");
        }
    }

    @AllDatabases
    void rawSqlAndManualStep(TestDatabase db) throws Exception {
        try (MigrationFixture f = start(db)) {
            f.handWritten("bump", List.of(RawSql.of("UPDATE item SET qty = qty + 10", "UPDATE item SET qty = qty - 10"),
                    new ManualStep("tell the warehouse about the new quantities")));
            assertThat(f.rows(ROWS_SQL)).containsExactly("1|a|11", "2|b|12");
            f.rollbackTo("0001_base");
            assertThat(f.rows(ROWS_SQL)).isEqualTo(ROWS);
        }
    }

    @AllDatabases
    void fakeRecordsWithoutRunning(TestDatabase db) throws Exception {
        try (MigrationFixture f = start(db)) {
            Migrator.makeMigrations(Schema.of(owner(), item().withColumn(ColumnDefinition.nullable("extra", text()))), f.dir, "extra", false);
            MigrationRun run = f.migrator.migrate(null, true);
            assertThat(run.applied()).containsExactly("0002_extra");
            assertThat(run.fake()).isTrue();
            assertThat(f.live.columns("item")).doesNotContainKey("extra");
            assertThat(f.migrator.status()).extracting(MigrationStatus::applied).containsExactly(true, true);
            f.migrator.migrate("0001_base", true);
            assertThat(f.migrator.status()).extracting(MigrationStatus::applied).containsExactly(true, false);
            assertThat(f.rows(ROWS_SQL)).isEqualTo(ROWS);
        }
    }

    @AllDatabases
    void tableAndColumnComments(TestDatabase db) throws Exception {
        try (MigrationFixture f = start(db)) {
            TableDefinition commented = item().withComment("things we sell").mapColumn("name", c -> c.withComment("shown to buyers"));
            Migration m = f.change(Schema.of(owner(), commented), "comments", MigrationOperation.AlterTableComment.class);
            assertThat(m.operations()).hasAtLeastOneElementOfType(MigrationOperation.AlterColumn.class);
            boolean stored = db.kind() != DatabaseKind.SQLITE;
            assertThat(f.live.tableComment("item")).isEqualTo(stored ? "things we sell" : null);
            assertThat(f.live.columnComment("item", "name")).isEqualTo(stored ? "shown to buyers" : null);
            assertThat(f.rows(ROWS_SQL)).isEqualTo(ROWS);
            f.rollbackTo("0001_base");
            assertThat(f.live.tableComment("item")).isNull();
            assertThat(f.live.columnComment("item", "name")).isNull();
            assertThat(f.rows(ROWS_SQL)).isEqualTo(ROWS);
        }
    }

    @AllDatabases
    void foreignKeyViolatedByExistingRowsIsRefusedAndNothingChanges(TestDatabase db) throws Exception {
        try (MigrationFixture f = start(db)) {
            f.exec("UPDATE item SET owner_id = 99 WHERE id = 2");
            ForeignKeyDefinition fk = ForeignKeyDefinition.of("item_owner_fk", "owner_id", "owner", "id");
            Migrator.makeMigrations(Schema.of(owner(), item().withForeignKey(fk)), f.dir, "fk", false).orElseThrow();
            assertThatThrownBy(f.migrator::migrate).isInstanceOf(MigrationException.class)
                    .hasMessageContaining("migration 0002_fk failed");
            assertThat(f.migrator.status()).extracting(MigrationStatus::applied).containsExactly(true, false);
            assertThat(f.live.foreignKeys("item")).isEmpty();
            assertThat(f.live.tables()).containsExactly("item", "owner");
            assertThat(f.rows(ROWS_SQL)).isEqualTo(ROWS);
            // fix the data, and the same migration goes through
            f.exec("UPDATE item SET owner_id = 2 WHERE id = 2");
            assertThat(f.migrator.migrate().applied()).containsExactly("0002_fk");
            assertThat(f.live.foreignKeys("item")).containsEntry("owner_id", "owner");
        }
    }
}
