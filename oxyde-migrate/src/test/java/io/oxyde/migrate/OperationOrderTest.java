package io.oxyde.migrate;

import static io.oxyde.migrate.ColumnType.bigint;
import static org.assertj.core.api.Assertions.assertThat;

import io.oxyde.migrate.MigrationOperation.AddForeignKey;
import io.oxyde.migrate.MigrationOperation.CreateTable;
import io.oxyde.migrate.MigrationOperation.DropForeignKey;
import io.oxyde.migrate.MigrationOperation.DropTable;
import java.util.List;
import org.junit.jupiter.api.Test;

class OperationOrderTest {

    static TableDefinition table(String name, ForeignKeyDefinition... fks) {
        TableDefinition t = TableDefinition.named(name).withColumn(ColumnDefinition.of("id", bigint())).withColumn(ColumnDefinition.nullable("ref", bigint()))
                .withPrimaryKey("id");
        for (ForeignKeyDefinition fk : fks) {
            t = t.withForeignKey(fk);
        }
        return t;
    }

    static ForeignKeyDefinition fk(String from, String to) {
        return ForeignKeyDefinition.of(from + "_" + to + "_fk", "ref", to, "id");
    }

    private static String describe(MigrationOperation op) {
        if (op instanceof CreateTable c) {
            return "create " + c.table().name() + c.table().foreignKeys().stream().map(ForeignKeyDefinition::targetTable).toList();
        } else if (op instanceof DropTable d) {
            return "drop " + d.table().name() + d.table().foreignKeys().stream().map(ForeignKeyDefinition::targetTable).toList();
        } else if (op instanceof AddForeignKey a) {
            return "addfk " + a.table() + "->" + a.foreignKey().targetTable();
        } else if (op instanceof DropForeignKey d) {
            return "dropfk " + d.table() + "->" + d.foreignKey().targetTable();
        }
        return op.toString();
    }

    private static List<String> plan(Schema from, Schema to) {
        return SchemaDiff.compute(from, to).stream().map(OperationOrderTest::describe).toList();
    }

    @Test
    void referencedTablesAreCreatedFirstWhateverTheDeclarationOrder() {
        Schema s = Schema.of(table("track", fk("track", "album")), table("album", fk("album", "artist")), table("artist"));
        assertThat(plan(Schema.empty(), s)).containsExactly("create artist[]", "create album[artist]", "create track[album]");
    }

    @Test
    void selfReferenceStaysInsideCreateTable() {
        Schema s = Schema.of(table("employee", fk("employee", "employee")));
        assertThat(plan(Schema.empty(), s)).containsExactly("create employee[employee]");
        assertThat(plan(s, Schema.empty())).containsExactly("drop employee[employee]");
    }

    @Test
    void mutualForeignKeysAreAddedAfterBothTablesExist() {
        Schema s = Schema.of(table("a", fk("a", "b")), table("b", fk("b", "a")));
        assertThat(plan(Schema.empty(), s)).containsExactly("create a[]", "create b[a]", "addfk a->b");
    }

    @Test
    void threeTableCycleIsBrokenOnce() {
        Schema s = Schema.of(table("a", fk("a", "b")), table("b", fk("b", "c")), table("c", fk("c", "a")));
        List<String> plan = plan(Schema.empty(), s);
        assertThat(plan).containsExactly("create a[]", "create c[a]", "create b[c]", "addfk a->b");
    }

    @Test
    void referencingTablesAreDroppedFirst() {
        Schema s = Schema.of(table("artist"), table("album", fk("album", "artist")), table("track", fk("track", "album")));
        assertThat(plan(s, Schema.empty())).containsExactly("drop track[album]", "drop album[artist]", "drop artist[]");
    }

    @Test
    void mutualForeignKeysAreDroppedBeforeTheirTables() {
        Schema s = Schema.of(table("a", fk("a", "b")), table("b", fk("b", "a")));
        assertThat(plan(s, Schema.empty())).containsExactly("dropfk a->b", "drop b[a]", "drop a[]");
    }

    @Test
    void droppedForeignKeyOfAKeptTableGoesBeforeTheDroppedTarget() {
        Schema before = Schema.of(table("artist"), table("album", fk("album", "artist")));
        Schema after = Schema.of(table("album"));
        assertThat(plan(before, after)).containsExactly("dropfk album->artist", "drop artist[]");
    }

    @Test
    void newForeignKeyToANewTableComesAfterTheTable() {
        Schema before = Schema.of(table("album"));
        Schema after = Schema.of(table("album", fk("album", "artist")), table("artist"));
        assertThat(plan(before, after)).containsExactly("create artist[]", "addfk album->artist");
    }
}
