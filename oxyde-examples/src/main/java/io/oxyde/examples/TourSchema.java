package io.oxyde.examples;

import io.oxyde.migration.MigrationDraft;
import io.oxyde.migration.Migrations;
import io.oxyde.meta.ModelMeta;
import io.oxyde.Oxyde;
import io.oxyde.examples.chinook.ChinookData;
import io.oxyde.dialect.Dialect;
import io.oxyde.migrate.MigrationRun;
import io.oxyde.migrate.MigrationStatus;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Step 1 of the tour: the schema comes from the models through the migrations API, exactly as an
 * application would do it — {@code Migrations.makeMigrations} writes {@code 0001_chinook.json}
 * from the model classes, {@code Migrations.migrate} applies it. Before that it removes what a
 * previous run left (the Chinook tables and the migration history), so the tour can be re-run
 * against the same PostgreSQL schema or MariaDB database.
 */
public final class TourSchema {
    /** The migration history table the migrator keeps. */
    static final String HISTORY_TABLE = "oxyde_migrations";

    private static final Pattern CURRENT_SCHEMA = Pattern.compile("[?&]currentSchema=([A-Za-z_][A-Za-z0-9_]*)");

    private TourSchema() {
    }

    /**
     * Drops the tour's tables on {@code db}, writes a fresh migration into {@code migrationsDir}
     * and applies it to {@code url}; prints the migration status table.
     */
    public static void create(Oxyde db, String url, Path migrationsDir, PrintStream out, Expect expect) {
        createSchemaIfNamed(db, url);
        dropTables(db);
        emptyDirectory(migrationsDir);

        MigrationDraft draft = Migrations.makeMigrations(ChinookData.MODELS, migrationsDir, "chinook", false)
                .orElseThrow(() -> new TourFailure("makeMigrations found nothing to do in an empty directory"));
        out.println("  wrote " + draft.file() + " (" + draft.migration().operations().size() + " operations)");
        Dialect dialect = Dialect.valueOf(db.dialect().name());
        String album = Migrations.sqlFor(migrationsDir, draft.migration().name(), dialect).stream()
                .filter(sql -> sql.startsWith("CREATE TABLE") && sql.contains("album"))
                .findFirst()
                .orElseThrow(() -> new TourFailure("the migration has no CREATE TABLE for album"));
        out.println("  its DDL for the album table on " + dialect + " (Migrations.sqlFor):");
        out.println("    " + album);
        MigrationRun run = Migrations.migrate(url, migrationsDir);
        expect.equal("migrations applied", List.of(draft.migration().name()), run.applied());

        TextTable status = TextTable.of("migration", "applied");
        for (MigrationStatus s : Migrations.status(url, migrationsDir)) {
            status.row(s.name(), s.applied());
        }
        status.print(out);
        List<Object> tables = new ArrayList<>();
        for (Class<?> model : ChinookData.MODELS) {
            tables.add(Oxyde.await(db.objects(model).count()));
        }
        expect.equal("every Chinook table exists and is empty", List.of(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), tables);
    }

    /** PostgreSQL only: a {@code currentSchema} named in the URL is created when missing. */
    private static void createSchemaIfNamed(Oxyde db, String url) {
        Matcher m = CURRENT_SCHEMA.matcher(url);
        if (db.dialect() == Dialect.POSTGRES && m.find()) {
            Oxyde.await(db.raw("CREATE SCHEMA IF NOT EXISTS \"" + m.group(1) + "\"").execute());
        }
    }

    /** Drops the tables of a previous run, referencing tables first. */
    private static void dropTables(Oxyde db) {
        List<String> names = new ArrayList<>();
        for (Class<?> model : ChinookData.MODELS) {
            names.add(0, ModelMeta.of(model).tableName());
        }
        names.add(HISTORY_TABLE);
        for (String table : names) {
            Oxyde.await(db.raw("DROP TABLE IF EXISTS " + table).execute());
        }
    }

    private static void emptyDirectory(Path dir) {
        try {
            Files.createDirectories(dir);
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the migrations directory " + dir, e);
        }
    }
}
