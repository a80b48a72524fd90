package io.oxyde.migrate;

import io.oxyde.migrate.internal.EnumNames;
import io.oxyde.migrate.internal.HistoryTable;
import io.oxyde.migrate.internal.MigrationLock;
import io.oxyde.migrate.internal.MigrationRepair;
import io.oxyde.migrate.internal.MigrationSteps;
import io.oxyde.migrate.internal.PrintedSql;
import io.oxyde.migrate.internal.Squash;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import io.oxyde.dialect.Dialect;
import io.oxyde.exception.MigrationException;

/**
 * Applies and rolls back migration files on one database over plain JDBC. Each migration runs in its
 * own transaction where the dialect has transactional DDL (PostgreSQL, SQLite), is recorded in
 * {@code oxyde_migrations} (name, checksum, applied_at), and the whole run holds a database lock so
 * two migrators never interleave. Applied migrations whose file was edited or removed stop the run
 * with a clear error before anything happens.
 */
public final class Migrator {
    /** Target name meaning "before the first migration": {@code migrate("zero")} rolls everything back. */
    public static final String ZERO = "zero";

    private final ConnectionSource source;
    private final Dialect dialect;
    private final Supplier<List<Migration>> migrations;
    private final String origin;

    /** A migrator for the migration files of {@code directory} (re-read on every call). */
    public Migrator(DataSource dataSource, Dialect dialect, Path directory) {
        this(ConnectionSource.of(dataSource), dialect, directory);
    }

    /** A migrator for the migration files of {@code directory} (re-read on every call). */
    public Migrator(ConnectionSource source, Dialect dialect, Path directory) {
        this(source, dialect, () -> MigrationLoader.load(directory), directory.toString());
    }

    /**
     * A migrator for the migrations at {@code location}: {@code classpath:db/oxyde} (a folder on the
     * classpath, also inside a jar) or a directory path; re-read on every call.
     */
    public Migrator(ConnectionSource source, Dialect dialect, String location) {
        this(source, dialect, () -> MigrationLoader.load(location), location);
    }

    /** A migrator for migrations already in memory (e.g. loaded from the classpath). */
    public Migrator(ConnectionSource source, Dialect dialect, List<Migration> migrations) {
        this(source, dialect, () -> List.copyOf(migrations), "the given migration list");
    }

    private Migrator(ConnectionSource source, Dialect dialect, Supplier<List<Migration>> migrations, String origin) {
        this.source = source;
        this.dialect = dialect;
        this.migrations = migrations;
        this.origin = origin;
    }

    /** Applies every pending migration. */
    public MigrationRun migrate() {
        return migrate(null, false);
    }

    /** Migrates forward or backward to {@code target} (a migration name, or {@link #ZERO}). */
    public MigrationRun migrate(String target) {
        return migrate(target, false);
    }

    /**
     * Migrates to {@code target} (null: the latest). With {@code fake}, only the history table changes
     * (for databases already in the target state).
     */
    public MigrationRun migrate(String target, boolean fake) {
        List<Migration> all = migrations.get();
        int targetIndex = targetIndex(all, target);
        MigrationSteps steps = new MigrationSteps(dialect, all, origin);
        List<String> applied = new ArrayList<>();
        List<String> rolledBack = new ArrayList<>();
        withLockedConnection(c -> {
            while (true) {
                MigrationSteps.Done done = steps.runNext(c, targetIndex, fake);
                if (done == null) {
                    break;
                }
                (done.forward() ? applied : rolledBack).add(done.name());
            }
            return null;
        });
        return new MigrationRun(applied, rolledBack, fake);
    }

    /**
     * What {@code migrate(target)} would do, without doing it: each migration it would apply or roll
     * back, in order, with its statements ({@code migrate --plan}). {@code target} as for {@link #migrate(String)}.
     */
    public List<PlannedMigration> plan(String target) {
        List<Migration> all = migrations.get();
        int targetIndex = targetIndex(all, target);
        return withLockedConnection(c -> {
            MigrationSteps steps = new MigrationSteps(dialect, all, origin);
            List<HistoryTable.Row> rows = steps.history(c);
            steps.verify(rows);
            List<PlannedMigration> out = new ArrayList<>();
            for (int i = rows.size(); i <= targetIndex; i++) {
                out.add(new PlannedMigration(all.get(i).name(), true, sql(all, all.get(i).name(), dialect)));
            }
            for (int i = rows.size() - 1; i > targetIndex; i--) {
                out.add(new PlannedMigration(all.get(i).name(), false, rollbackSql(all, all.get(i).name(), dialect)));
            }
            return out;
        });
    }

    /**
     * Repairs what a failed run left on MySQL / MariaDB (their DDL is not transactional): the reverse of
     * every operation that had completed runs, so the database is back where the run started; with
     * {@code forget} the recorded failure is only forgotten (the database was fixed by hand). Also
     * brings history checksums written by Oxyde 0.1 (operations only) up to date.
     */
    public RepairReport repair(boolean forget) {
        List<Migration> all = migrations.get();
        return withLockedConnection(c -> new MigrationRepair(dialect, new MigrationSteps(dialect, all, origin)).run(c, forget));
    }

    /**
     * squashmigrations: replaces the migrations of {@code dir} up to and including {@code through} by one
     * migration with their operations, {@code NNNN_squashed_name} (the number of {@code through}). The old
     * files are deleted; databases that applied all of them see the squashed migration as applied,
     * new databases run it instead, and a database that applied only some of them is refused.
     */
    public static Migration squash(Path dir, String through, String name) {
        return Squash.run(dir, through, name);
    }

    /** Every migration file, applied or pending, in order. */
    public List<MigrationStatus> status() {
        List<Migration> all = migrations.get();
        return withLockedConnection(c -> {
            MigrationSteps steps = new MigrationSteps(dialect, all, origin);
            List<HistoryTable.Row> rows = steps.history(c);
            steps.verify(rows);
            List<MigrationStatus> out = new ArrayList<>();
            for (Migration m : all) {
                HistoryTable.Row row = rows.stream().filter(r -> r.name().equals(m.name())).findFirst().orElse(null);
                out.add(new MigrationStatus(m.name(), row != null, row == null ? null : row.appliedAt()));
            }
            return out;
        });
    }

    /**
     * The statements that apply {@code migrationName} on this migrator's dialect, as printed by
     * {@code sqlmigrate} (see {@link #sql(List, String, Dialect)}).
     */
    public List<String> sql(String migrationName) {
        return sql(migrations.get(), migrationName, dialect);
    }

    /**
     * The statements that apply {@code migrationName} on {@code dialect}, safe to run as printed: on
     * SQLite they are wrapped as {@code migrate} runs them ({@code PRAGMA foreign_keys = OFF}, one
     * transaction, {@code PRAGMA foreign_key_check}, {@code COMMIT}, foreign keys back on).
     */
    public static List<String> sql(List<Migration> migrations, String migrationName, Dialect dialect) {
        return PrintedSql.of(new MigrationSteps(dialect, migrations, "the given migrations")
                .forwardSql(indexOf(migrations, migrationName)), dialect);
    }

    /** The statements that roll {@code migrationName} back on {@code dialect}, wrapped like {@link #sql}. */
    public static List<String> rollbackSql(List<Migration> migrations, String migrationName, Dialect dialect) {
        return PrintedSql.of(new MigrationSteps(dialect, migrations, "the given migrations")
                .backwardSql(indexOf(migrations, migrationName)), dialect);
    }

    /**
     * Diffs the latest snapshot in {@code dir} against {@code currentSchema} and writes the next
     * migration file (unless {@code dryRun}). Returns empty, writing nothing, when nothing changed.
     *
     * @param name short name of the migration (letters, digits, underscores); null for "initial"/"auto"
     */
    public static Optional<Migration> makeMigrations(Schema currentSchema, Path dir, String name, boolean dryRun) {
        List<Migration> existing = MigrationLoader.load(dir);
        Migration last = existing.isEmpty() ? null : existing.get(existing.size() - 1);
        Schema latest = last == null ? Schema.empty() : last.snapshot();
        List<MigrationOperation> ops = SchemaDiff.compute(latest, currentSchema);
        if (ops.isEmpty()) {
            return Optional.empty();
        }
        Migration migration = next(existing, name, ops, EnumNames.resolve(currentSchema).withoutHints());
        if (!dryRun) {
            MigrationWriter.write(dir, migration);
        }
        return Optional.of(migration);
    }

    /**
     * Writes the next migration with no operations and the latest snapshot, to be filled by hand
     * (a {@code RunJava} data migration, {@code RawSql}): {@code makemigrations --empty}.
     */
    public static Migration makeEmptyMigration(Path dir, String name) {
        if (name == null || name.isBlank()) {
            throw new MigrationException("an empty migration needs a name (e.g. backfill_emails)");
        }
        List<Migration> existing = MigrationLoader.load(dir);
        Schema latest = existing.isEmpty() ? Schema.empty() : existing.get(existing.size() - 1).snapshot();
        Migration migration = next(existing, name, List.of(), latest);
        MigrationWriter.write(dir, migration);
        return migration;
    }

    private static Migration next(List<Migration> existing, String name, List<MigrationOperation> ops, Schema snapshot) {
        Migration last = existing.isEmpty() ? null : existing.get(existing.size() - 1);
        String label = name == null || name.isBlank() ? (last == null ? "initial" : "auto") : name.replaceAll("[^A-Za-z0-9_]", "_");
        String fileName = String.format("%04d_%s", last == null ? 1 : last.number() + 1, label);
        return Migration.of(fileName, last == null ? List.of() : List.of(last.name()), ops, snapshot);
    }

    private static int targetIndex(List<Migration> all, String target) {
        if (target == null) {
            return all.size() - 1;
        }
        if (ZERO.equals(target)) {
            return -1;
        }
        return indexOf(all, target);
    }

    private static int indexOf(List<Migration> all, String name) {
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new MigrationException("no migration named " + name + " (known: "
                + all.stream().map(Migration::name).toList() + ")");
    }

    private interface ConnectionWork<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T withLockedConnection(ConnectionWork<T> work) {
        Connection c;
        try {
            c = source.open();
        } catch (SQLException e) {
            throw new MigrationException("cannot open a connection to migrate: " + e.getMessage(), e);
        }
        MigrationLock lock = new MigrationLock(dialect);
        try {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(true);
            try {
                if (dialect == Dialect.SQLITE) {
                    try (var s = c.createStatement()) {
                        s.execute("PRAGMA busy_timeout = 120000");
                    }
                }
                lock.acquire(c);
                try {
                    new HistoryTable(dialect).create(c);
                    return work.run(c);
                } finally {
                    lock.release(c);
                }
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new MigrationException("migration bookkeeping failed: " + e.getMessage(), e);
        } finally {
            try {
                source.release(c);
            } catch (SQLException ignored) {
                // closing failed; nothing left to undo
            }
        }
    }
}
