package io.oxyde.migrate;

import static io.oxyde.migrate.ColumnType.bigint;
import static io.oxyde.migrate.ColumnType.varchar;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The "library" schema, named the way models name their constraints ({@code fk_<table>_<column>},
 * {@code ix_<table>_<column>}): authors, a self-referencing category, books (identity key) with foreign
 * keys to both, tags and a book_tag link table that cascades from book. {@link #seed} fills it with a
 * few hundred rows over plain JDBC.
 */
final class Library {
    static final int AUTHORS = 40;
    static final int CATEGORIES = 12;
    static final int BOOKS = 400;
    static final int TAGS = 10;
    static final int BOOK_TAGS = 800;

    private Library() {
    }

    static TableDefinition author() {
        return TableDefinition.named("author").withColumn(ColumnDefinition.of("id", bigint())).withColumn(ColumnDefinition.of("name", varchar(80)))
                .withPrimaryKey("id");
    }

    static TableDefinition category() {
        return TableDefinition.named("category").withColumn(ColumnDefinition.of("id", bigint())).withColumn(ColumnDefinition.of("name", varchar(80)))
                .withColumn(ColumnDefinition.nullable("parent_id", bigint())).withPrimaryKey("id")
                .withForeignKey(ForeignKeyDefinition.of("fk_category_parent_id", "parent_id", "category", "id"))
                .withIndex(IndexDefinition.of("ix_category_parent_id", "parent_id"));
    }

    static TableDefinition book() {
        return TableDefinition.named("book").withColumn(ColumnDefinition.identity("id", bigint())).withColumn(ColumnDefinition.of("title", varchar(200)))
                .withColumn(ColumnDefinition.of("author_id", bigint())).withColumn(ColumnDefinition.nullable("category_id", bigint()))
                .withPrimaryKey("id")
                .withForeignKey(ForeignKeyDefinition.of("fk_book_author_id", "author_id", "author", "id"))
                .withIndex(IndexDefinition.of("ix_book_author_id", "author_id"))
                .withForeignKey(ForeignKeyDefinition.of("fk_book_category_id", "category_id", "category", "id"))
                .withIndex(IndexDefinition.of("ix_book_category_id", "category_id"));
    }

    static TableDefinition tag() {
        return TableDefinition.named("tag").withColumn(ColumnDefinition.of("id", bigint())).withColumn(ColumnDefinition.of("label", varchar(40)))
                .withPrimaryKey("id");
    }

    static TableDefinition bookTag() {
        return TableDefinition.named("book_tag").withColumn(ColumnDefinition.of("book_id", bigint())).withColumn(ColumnDefinition.of("tag_id", bigint()))
                .withPrimaryKey("book_id", "tag_id")
                .withForeignKey(ForeignKeyDefinition.of("fk_book_tag_book_id", "book_id", "book", "id").onDelete(ReferentialAction.CASCADE))
                .withForeignKey(ForeignKeyDefinition.of("fk_book_tag_tag_id", "tag_id", "tag", "id"))
                .withIndex(IndexDefinition.of("ix_book_tag_tag_id", "tag_id"));
    }

    static Schema v1() {
        return Schema.of(author(), book(), bookTag(), category(), tag());
    }

    /** Fills every table; book ids come from the identity column (1..400 in insert order). */
    static void seed(Connection c) throws SQLException {
        seed(c, "author_id");
    }

    /** {@link #seed(Connection)} with book's author column under its current name. */
    static void seed(Connection c, String authorColumn) throws SQLException {
        StringJoiner authors = new StringJoiner(", ");
        for (int i = 1; i <= AUTHORS; i++) {
            authors.add("(" + i + ", 'author " + i + "')");
        }
        StringJoiner categories = new StringJoiner(", ");
        for (int i = 1; i <= CATEGORIES; i++) {
            categories.add("(" + i + ", 'category " + i + "', " + (i <= 3 ? "NULL" : String.valueOf((i % 3) + 1)) + ")");
        }
        StringJoiner books = new StringJoiner(", ");
        for (int i = 1; i <= BOOKS; i++) {
            books.add("('book " + i + "', " + ((i % AUTHORS) + 1) + ", " + (i % 7 == 0 ? "NULL" : String.valueOf((i % CATEGORIES) + 1)) + ")");
        }
        StringJoiner tags = new StringJoiner(", ");
        for (int i = 1; i <= TAGS; i++) {
            tags.add("(" + i + ", 'tag " + i + "')");
        }
        StringJoiner links = new StringJoiner(", ");
        for (int i = 1; i <= BOOKS; i++) {
            links.add("(" + i + ", " + ((i % TAGS) + 1) + ")").add("(" + i + ", " + (((i + 3) % TAGS) + 1) + ")");
        }
        try (Statement s = c.createStatement()) {
            s.execute("INSERT INTO author (id, name) VALUES " + authors);
            s.execute("INSERT INTO category (id, name, parent_id) VALUES " + categories);
            s.execute("INSERT INTO book (title, " + authorColumn + ", category_id) VALUES " + books);
            s.execute("INSERT INTO tag (id, label) VALUES " + tags);
            s.execute("INSERT INTO book_tag (book_id, tag_id) VALUES " + links);
        }
    }

    /**
     * Fingerprints of every table, keyed by their v1 names; {@code category} and {@code authorColumn}
     * name the table and column under their current names, so v1 and a renamed v2 compare equal.
     */
    static Map<String, Fingerprint> fingerprints(Connection c, String category, String authorColumn) throws SQLException {
        Map<String, Fingerprint> out = new LinkedHashMap<>();
        out.put("author", Fingerprint.of(c, "SELECT id, name FROM author ORDER BY id"));
        out.put("category", Fingerprint.of(c, "SELECT id, name, parent_id FROM " + category + " ORDER BY id"));
        out.put("book", Fingerprint.of(c, "SELECT id, title, " + authorColumn + ", category_id FROM book ORDER BY id"));
        out.put("tag", Fingerprint.of(c, "SELECT id, label FROM tag ORDER BY id"));
        out.put("book_tag", Fingerprint.of(c, "SELECT book_id, tag_id FROM book_tag ORDER BY book_id, tag_id"));
        return out;
    }

    static Map<String, Fingerprint> fingerprints(Connection c) throws SQLException {
        return fingerprints(c, "category", "author_id");
    }
}
