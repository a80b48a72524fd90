package io.oxyde.migration;

import io.oxyde.internal.schema.JdbcTarget;
import io.oxyde.internal.schema.ModelSchemaBuilder;
import io.oxyde.migrate.Migration;
import io.oxyde.dialect.Dialect;
import io.oxyde.exception.MigrationException;
import io.oxyde.migrate.MigrationLoader;
import io.oxyde.migrate.MigrationRun;
import io.oxyde.migrate.MigrationStatus;
import io.oxyde.migrate.Migrator;
import io.oxyde.migrate.PlannedMigration;
import io.oxyde.migrate.RepairReport;
import io.oxyde.migrate.RenameSuggestion;
import io.oxyde.migrate.RenameSuggestions;
import io.oxyde.migrate.Schema;
import io.oxyde.migrate.SchemaInspector;
import io.oxyde.migrate.TableDefinition;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import io.oxyde.Oxyde;
import io.oxyde.annotation.RenamedFrom;
import io.oxyde.annotation.Table;

/**
 * Django-style migrations from model classes: {@code makeMigrations} diffs the models against the
 * snapshot stored in the latest migration file and writes the next file; {@code migrate},
 * {@code rollback} and {@code status} apply and inspect them on a database; {@code sqlFor} shows the
 * DDL of one migration. The {@code oxyde} CLI is a thin shell over these methods.
 *
 * <p>Renames are never guessed: a dropped and an added look-alike column make
 * {@link #makeMigrations} refuse with a {@link MigrationRenameException} until the pair is answered
 * (see {@link MigrationOptions}), so a rename never silently turns into drop + add and loses data.
 */
public final class Migrations {
    private Migrations() {
    }

    /** The schema the models describe (plus every model they reference), tables sorted by name. */
    public static Schema schemaOf(Class<?>... models) {
        return schemaOf(Arrays.asList(models));
    }

    /** The schema the models describe (plus every model they reference), tables sorted by name. */
    public static Schema schemaOf(Collection<? extends Class<?>> models) {
        return ModelSchemaBuilder.build(models);
    }

    /**
     * Possible renames between the latest snapshot in {@code dir} and {@code current} that no
     * {@code @RenamedFrom} hint answers; each must be confirmed or rejected before a migration is written.
     */
    public static List<RenameSuggestion> renameSuggestions(Schema current, Path dir) {
        return RenameSuggestions.find(latestSnapshot(dir), current);
    }

    /**
     * Writes the next migration for {@code models} into {@code dir} (nothing when the models match the
     * latest snapshot). Refuses possible renames; use the {@link MigrationOptions} overload to answer them.
     *
     * @throws MigrationRenameException when a dropped and an added column look like a rename
     */
    public static Optional<MigrationDraft> makeMigrations(Collection<? extends Class<?>> models, Path dir, String name,
                                                          boolean dryRun) {
        return makeMigrations(schemaOf(models), dir, MigrationOptions.of(name, dryRun));
    }

    /**
     * Writes (or with {@code dryRun} only computes) the migration from the latest snapshot in
     * {@code dir} to {@code current}; empty when nothing changed.
     *
     * @throws MigrationRenameException when possible renames remain unanswered and drops are not accepted
     */
    public static Optional<MigrationDraft> makeMigrations(Schema current, Path dir, MigrationOptions options) {
        Schema hinted = current;
        for (RenameSuggestion r : options.renames()) {
            hinted = applyRename(hinted, r);
        }
        List<RenameSuggestion> open = renameSuggestions(hinted, dir);
        if (!open.isEmpty() && !options.acceptDrops()) {
            throw new MigrationRenameException(open);
        }
        return Migrator.makeMigrations(hinted, dir, options.name(), options.dryRun())
                .map(m -> new MigrationDraft(m, dir.resolve(m.name() + ".json"), !options.dryRun()));
    }

    /** Applies every pending migration in {@code dir} to the database of {@code url} (Oxyde or JDBC URL). */
    public static MigrationRun migrate(String url, Path dir) {
        return migrate(url, dir, null, false);
    }

    /**
     * Migrates the database of {@code url} to {@code target}: a migration name, {@link Migrator#ZERO}
     * (everything rolled back) or null (the latest). With {@code fake} only the history table changes.
     */
    public static MigrationRun migrate(String url, Path dir, String target, boolean fake) {
        return migrator(JdbcTarget.of(url), dir).migrate(target, fake);
    }

    /**
     * Applies every pending migration at {@code location}, e.g. {@code classpath:db/oxyde} (a folder on
     * the class path, also inside the application's jar, read through the thread's context class
     * loader) or a directory path: how a packaged application migrates at start-up.
     */
    public static MigrationRun migrate(String url, String location) {
        JdbcTarget target = JdbcTarget.of(url);
        return new Migrator(target.source(), target.dialect(), location).migrate();
    }

    /** Like {@link #migrate(String, String)}, connecting through a DataSource. */
    public static MigrationRun migrate(DataSource dataSource, String location) {
        JdbcTarget target = JdbcTarget.of(dataSource);
        return new Migrator(target.source(), target.dialect(), location).migrate();
    }

    /** Applies every pending migration in {@code dir}. */
    public static MigrationRun migrate(DataSource dataSource, Path dir) {
        return migrate(dataSource, dir, null, false);
    }

    /** Like {@link #migrate(String, Path, String, boolean)}, connecting through a DataSource. */
    public static MigrationRun migrate(DataSource dataSource, Path dir, String target, boolean fake) {
        return migrator(JdbcTarget.of(dataSource), dir).migrate(target, fake);
    }

    /**
     * Rolls back to {@code target} (a migration name, which stays applied, or {@code "zero"}); refuses a
     * target that would apply migrations instead.
     */
    public static MigrationRun rollback(String url, Path dir, String target) {
        requireTarget(target);
        return rollback(JdbcTarget.of(url), dir, target);
    }

    /** Like {@link #rollback(String, Path, String)}, connecting through a DataSource. */
    public static MigrationRun rollback(DataSource dataSource, Path dir, String target) {
        requireTarget(target);
        return rollback(JdbcTarget.of(dataSource), dir, target);
    }

    /** Every migration in {@code dir}, applied or pending, on the database of {@code url}. */
    public static List<MigrationStatus> status(String url, Path dir) {
        return migrator(JdbcTarget.of(url), dir).status();
    }

    /** Every migration in {@code dir}, applied or pending, on the database behind {@code dataSource}. */
    public static List<MigrationStatus> status(DataSource dataSource, Path dir) {
        return migrator(JdbcTarget.of(dataSource), dir).status();
    }

    /**
     * What {@code migrate(url, dir, target, false)} would run, without running it: each migration to apply
     * or roll back with its statements ({@code migrate --plan}).
     */
    public static List<PlannedMigration> plan(String url, Path dir, String target) {
        return migrator(JdbcTarget.of(url), dir).plan(target);
    }

    /**
     * Undoes what a run that failed half-way left on MySQL / MariaDB, or with {@code forget} only forgets
     * the recorded failure; also realigns old history checksums ({@link Migrator#repair}).
     */
    public static RepairReport repair(String url, Path dir, boolean forget) {
        return migrator(JdbcTarget.of(url), dir).repair(forget);
    }

    /**
     * The schema of the existing database at {@code url} (inspectdb); pass it to
     * {@link #makeMigrations(Schema, Path, MigrationOptions)} for an initial migration, then record that
     * with {@code migrate(url, dir, null, true)}.
     */
    public static Schema inspect(String url) {
        JdbcTarget target = JdbcTarget.of(url);
        try {
            Connection c = target.source().open();
            try {
                return SchemaInspector.inspect(c, target.dialect());
            } finally {
                target.source().release(c);
            }
        } catch (SQLException e) {
            throw new MigrationException("cannot inspect the database: " + e.getMessage(), e);
        }
    }

    /** Replaces the migrations of {@code dir} up to {@code through} by one squashed migration ({@link Migrator#squash}). */
    public static Migration squash(Path dir, String through, String name) {
        return Migrator.squash(dir, through, name);
    }

    /** Writes the next migration of {@code dir} with no operations, for a data migration ({@code makemigrations --empty}). */
    public static Migration makeEmptyMigration(Path dir, String name) {
        return Migrator.makeEmptyMigration(dir, name);
    }

    /** The statements that apply migration {@code name} of {@code dir} on {@code dialect}, without a database. */
    public static List<String> sqlFor(Path dir, String name, Dialect dialect) {
        return Migrator.sql(MigrationLoader.load(dir), name, dialect);
    }

    private static void requireTarget(String to) {
        if (to == null || to.isBlank()) {
            throw new MigrationException("rollback needs a target: a migration name or " + Migrator.ZERO);
        }
    }

    private static MigrationRun rollback(JdbcTarget target, Path dir, String to) {
        Migrator migrator = migrator(target, dir);
        if (!Migrator.ZERO.equals(to)) {
            List<MigrationStatus> status = migrator.status();
            boolean known = false;
            for (MigrationStatus s : status) {
                if (!s.applied()) {
                    throw new MigrationException("cannot roll back to " + to + ": migration " + s.name()
                            + " up to it is not applied (use migrate to go forward)");
                }
                if (s.name().equals(to)) {
                    known = true;
                    break;
                }
            }
            if (!known) {
                throw new MigrationException("no migration named " + to + " in " + dir);
            }
        }
        return migrator.migrate(to, false);
    }

    private static Migrator migrator(JdbcTarget target, Path dir) {
        return new Migrator(target.source(), target.dialect(), dir);
    }

    private static Schema latestSnapshot(Path dir) {
        List<Migration> existing = MigrationLoader.load(dir);
        return existing.isEmpty() ? Schema.empty() : existing.get(existing.size() - 1).snapshot();
    }

    private static Schema applyRename(Schema schema, RenameSuggestion r) {
        if (r.column()) {
            TableDefinition t = schema.table(r.table()).orElseThrow(() -> new MigrationException("rename " + r.table() + "."
                    + r.from() + "=" + r.to() + ": the models have no table " + r.table()));
            if (t.column(r.to()).isEmpty()) {
                throw new MigrationException("rename " + r.table() + "." + r.from() + "=" + r.to() + ": table "
                        + r.table() + " has no column " + r.to() + " (columns " + t.columnNames() + ")");
            }
            return schema.withTable(t.mapColumn(r.to(), c -> c.renamedFrom(r.from())));
        }
        TableDefinition t = schema.table(r.to()).orElseThrow(() -> new MigrationException("rename table " + r.from() + "="
                + r.to() + ": the models have no table " + r.to()));
        return schema.withTable(t.renamedFrom(r.from()));
    }
}
