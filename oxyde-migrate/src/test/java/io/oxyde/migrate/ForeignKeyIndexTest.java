package io.oxyde.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import io.oxyde.testkit.AllDatabases;
import io.oxyde.testkit.DatabaseKind;
import io.oxyde.testkit.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.io.TempDir;

/**
 * A foreign-key column has exactly one index when the schema declares one (no second, identical
 * index on MariaDB), and MariaDB's required index comes back on its own when the declared one is dropped.
 */
class ForeignKeyIndexTest {
    @TempDir
    Path tmp;

    /** Names of the indexes of {@code table} whose first column is {@code column}, read over JDBC metadata. */
    static Set<String> indexesLeadingWith(Connection c, TestDatabase db, String table, String column) throws SQLException {
        String catalog = db.kind() == DatabaseKind.MARIADB ? c.getCatalog() : null;
        String schema = db.kind() == DatabaseKind.POSTGRES ? c.getSchema() : null;
        if (db.kind() == DatabaseKind.SQLITE) {
            try (var s = c.createStatement()) {
                s.executeQuery("SELECT count(*) FROM sqlite_master").close();
            }
        }
        Set<String> out = new TreeSet<>();
        try (ResultSet rs = c.getMetaData().getIndexInfo(catalog, schema, table, false, false)) {
            while (rs.next()) {
                if (rs.getString("INDEX_NAME") != null && rs.getShort("ORDINAL_POSITION") == 1
                        && column.equalsIgnoreCase(rs.getString("COLUMN_NAME"))) {
                    out.add(rs.getString("INDEX_NAME").toLowerCase(java.util.Locale.ROOT));
                }
            }
        }
        return out;
    }

    @AllDatabases
    void oneIndexPerForeignKeyColumnThroughChangesAndRollbacks(TestDatabase db) throws Exception {
        try (MigrationFixture f = MigrationFixture.library(db, tmp.resolve("fk-index"))) {
            Map<String, Fingerprint> before = Library.fingerprints(f.connection);
            assertThat(indexesLeadingWith(f.connection, db, "book", "author_id")).containsExactly("ix_book_author_id");
            assertThat(indexesLeadingWith(f.connection, db, "category", "parent_id")).containsExactly("ix_category_parent_id");
            assertThat(indexesLeadingWith(f.connection, db, "book_tag", "tag_id")).containsExactly("ix_book_tag_tag_id");

            // 0002: drop the declared index of book.author_id, keep the foreign key
            TableDefinition book = Library.book().withIndexes(List.of(IndexDefinition.of("ix_book_category_id", "category_id")));
            f.change(Schema.of(Library.author(), book, Library.bookTag(), Library.category(), Library.tag()), "no_ix",
                    MigrationOperation.DropIndex.class);
            assertThat(indexesLeadingWith(f.connection, db, "book", "author_id"))
                    .isEqualTo(db.kind() == DatabaseKind.MARIADB ? Set.of("fk_book_author_id") : Set.of());
            assertThat(f.live.succeeds("INSERT INTO book (title, author_id) VALUES ('orphan', 12345)")).isFalse();
            assertThat(Library.fingerprints(f.connection)).isEqualTo(before);

            // 0003: a new foreign key on a column that already has an index
            TableDefinition tag = Library.tag().withColumn(ColumnDefinition.nullable("owner_id", ColumnType.bigint()))
                    .withIndex(IndexDefinition.of("ix_tag_owner_id", "owner_id"));
            f.change(Schema.of(Library.author(), book, Library.bookTag(), Library.category(), tag), "tag_owner_ix",
                    MigrationOperation.CreateIndex.class);
            TableDefinition owned = tag.withForeignKey(ForeignKeyDefinition.of("fk_tag_owner_id", "owner_id", "author", "id"));
            f.change(Schema.of(Library.author(), book, Library.bookTag(), Library.category(), owned), "tag_owner_fk",
                    MigrationOperation.AddForeignKey.class);
            assertThat(indexesLeadingWith(f.connection, db, "tag", "owner_id")).containsExactly("ix_tag_owner_id");
            assertThat(f.live.succeeds("UPDATE tag SET owner_id = 12345 WHERE id = 1")).isFalse();

            f.rollbackTo("0003_tag_owner_ix");
            assertThat(indexesLeadingWith(f.connection, db, "tag", "owner_id")).containsExactly("ix_tag_owner_id");
            f.rollbackTo("0001_v1");
            assertThat(indexesLeadingWith(f.connection, db, "book", "author_id")).containsExactly("ix_book_author_id");
            assertThat(f.live.succeeds("INSERT INTO book (title, author_id) VALUES ('orphan', 12345)")).isFalse();
            assertThat(Library.fingerprints(f.connection)).isEqualTo(before);
            assertThat(f.migrator.migrate().applied()).hasSize(3);
            assertThat(indexesLeadingWith(f.connection, db, "tag", "owner_id")).containsExactly("ix_tag_owner_id");
            assertThat(indexesLeadingWith(f.connection, db, "book", "author_id"))
                    .isEqualTo(db.kind() == DatabaseKind.MARIADB ? Set.of("fk_book_author_id") : Set.of());
        }
    }
}
