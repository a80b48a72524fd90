package io.oxyde.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import io.oxyde.testkit.DatabaseKind;
import io.oxyde.testkit.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import io.oxyde.dialect.Dialect;

/**
 * One database with a migration directory: migrate a base schema holding rows, change it, migrate,
 * roll back. Tests read the live schema through {@link #live}.
 */
final class MigrationFixture implements AutoCloseable {
    final TestDatabase db;
    final Path dir;
    final Migrator migrator;
    final Connection connection;
    final LiveSchema live;

    MigrationFixture(TestDatabase db, Path dir) throws SQLException {
        this.db = db;
        this.dir = dir;
        this.migrator = new Migrator(db::connect, dialect(db), dir);
        this.connection = db.connect();
        if (db.kind() == DatabaseKind.SQLITE) {
            try (var s = connection.createStatement()) {
                s.execute("PRAGMA foreign_keys = ON");
            }
        }
        this.live = new LiveSchema(connection, db);
    }

    /** A fixture whose database has {@link Library#v1} applied as {@code 0001_v1} and seeded. */
    static MigrationFixture library(TestDatabase db, Path dir) throws SQLException {
        MigrationFixture f = new MigrationFixture(db, dir);
        Migrator.makeMigrations(Library.v1(), f.dir, "v1", false).orElseThrow();
        assertThat(f.migrator.migrate().applied()).containsExactly("0001_v1");
        Library.seed(f.connection);
        return f;
    }

    static Dialect dialect(TestDatabase db) {
        return switch (db.kind()) {
            case POSTGRES -> Dialect.POSTGRES;
            case MARIADB -> Dialect.MARIADB;
            case SQLITE -> Dialect.SQLITE;
        };
    }

    /** Writes the next migration for {@code schema}, asserts it contains an operation of {@code expected}, applies it. */
    Migration change(Schema schema, String name, Class<? extends MigrationOperation> expected) {
        Migration m = Migrator.makeMigrations(schema, dir, name, false).orElseThrow();
        assertThat(m.operations()).as("operations of %s", name).hasAtLeastOneElementOfType(expected);
        MigrationRun run = migrator.migrate();
        assertThat(run.applied()).containsExactly(m.name());
        return m;
    }

    /** Writes a migration with the given hand-written operations (snapshot unchanged) and applies it. */
    Migration handWritten(String name, List<MigrationOperation> ops) {
        List<Migration> existing = MigrationLoader.load(dir);
        Migration last = existing.get(existing.size() - 1);
        Migration m = Migration.of(String.format("%04d_%s", last.number() + 1, name), List.of(last.name()), ops, last.snapshot());
        MigrationWriter.write(dir, m);
        assertThat(migrator.migrate().applied()).containsExactly(m.name());
        return m;
    }

    /** Writes a migration with the given operations without applying it. */
    Migration handWrittenPending(String name, List<MigrationOperation> ops) {
        List<Migration> existing = MigrationLoader.load(dir);
        Migration last = existing.get(existing.size() - 1);
        Migration m = Migration.of(String.format("%04d_%s", last.number() + 1, name), List.of(last.name()), ops, last.snapshot());
        MigrationWriter.write(dir, m);
        return m;
    }

    void rollbackTo(String name) {
        MigrationRun run = migrator.migrate(name);
        assertThat(run.rolledBack()).isNotEmpty();
    }

    void exec(String sql) throws SQLException {
        live.exec(sql);
    }

    List<String> rows(String sql) throws SQLException {
        return live.rows(sql);
    }

    @Override
    public void close() throws SQLException {
        try {
            migrator.migrate(Migrator.ZERO);
            assertThat(live.tables()).as("tables left after migrating to zero").isEmpty();
        } finally {
            connection.close();
        }
    }
}
