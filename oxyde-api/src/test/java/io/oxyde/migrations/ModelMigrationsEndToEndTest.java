package io.oxyde.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.oxyde.migration.MigrationDraft;
import io.oxyde.migration.MigrationOptions;
import io.oxyde.migration.MigrationRenameException;
import io.oxyde.migration.Migrations;
import io.oxyde.chinook.ChinookData;
import io.oxyde.dialect.Dialect;
import io.oxyde.migrate.MigrationOperation;
import io.oxyde.migrate.MigrationRun;
import io.oxyde.migrate.MigrationStatus;
import io.oxyde.migrate.RenameSuggestion;
import io.oxyde.testkit.AllDatabases;
import io.oxyde.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The whole loop on every database: Chinook models → makeMigrations → migrate → rows inserted by
 * JDBC → a series of model changes, each made and applied, with the rows checked after every step;
 * unchanged models write nothing; a rollback to zero leaves an empty database.
 */
class ModelMigrationsEndToEndTest {

    @AllDatabases
    void modelsEvolveAndDataSurvives(TestDatabase db) throws Exception {
        Path dir = Files.createTempDirectory("oxyde-migrations");
        String url = db.oxydeUrl();

        Optional<MigrationDraft> initial = make(dir, GadgetVersions.V1.class, "initial");
        assertThat(initial).isPresent();
        assertThat(initial.get().written()).isTrue();
        assertThat(initial.get().file()).isEqualTo(dir.resolve("0001_initial.json")).exists();
        assertThat(initial.get().migration().operations()).filteredOn(o -> o instanceof MigrationOperation.CreateTable)
                .hasSize(12);
        MigrationRun run = Migrations.migrate(url, dir);
        assertThat(run.applied()).containsExactly("0001_initial");
        assertThat(make(dir, GadgetVersions.V1.class, "again")).as("unchanged models").isEmpty();
        assertThat(files(dir)).containsExactly("0001_initial.json");

        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO artist (id, name) VALUES (1, 'AC/DC'), (2, 'Accept')");
            s.executeUpdate("INSERT INTO album (id, title, artist_id) VALUES (1, 'For Those About To Rock', 1)");
            s.executeUpdate("INSERT INTO media_type (id, name) VALUES (1, 'MPEG audio file')");
            s.executeUpdate("INSERT INTO genre (id, name) VALUES (1, 'Rock')");
            s.executeUpdate("INSERT INTO track (id, name, album_id, media_type_id, genre_id, composer, milliseconds,"
                    + " bytes, unit_price) VALUES (1, 'For Those About To Rock (We Salute You)', 1, 1, 1,"
                    + " 'Angus Young', 343719, 11170334, 0.99)");
            s.executeUpdate("INSERT INTO gadget (name, weight) VALUES ('lamp', 3), ('desk', 40)");
        }
        assertThat(rows(db, "SELECT name, weight FROM gadget ORDER BY id")).containsExactly("lamp|3", "desk|40");

        step(db, dir, GadgetVersions.V2.class, "add_stock", "0002_add_stock",
                "SELECT name, weight, stock FROM gadget ORDER BY id", "lamp|3|7", "desk|40|7");
        step(db, dir, GadgetVersions.V3.class, "rename_title", "0003_rename_title",
                "SELECT title, weight, stock FROM gadget ORDER BY id", "lamp|3|7", "desk|40|7");
        step(db, dir, GadgetVersions.V4.class, "widen_weight", "0004_widen_weight",
                "SELECT title, weight FROM gadget ORDER BY id", "lamp|3", "desk|40");
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO gadget (title, weight) VALUES ('heavy', 5000000000)");
        }
        step(db, dir, GadgetVersions.V5.class, "unique_title", "0005_unique_title",
                "SELECT title, weight FROM gadget ORDER BY id", "lamp|3", "desk|40", "heavy|5000000000");
        assertThatThrownBy(() -> update(db, "INSERT INTO gadget (title, weight) VALUES ('lamp', 1)"))
                .as("the unique index is live").isInstanceOf(SQLException.class);
        step(db, dir, GadgetVersions.V6.class, "maker", "0006_maker",
                "SELECT title, maker_id FROM gadget ORDER BY id", "lamp|null", "desk|null", "heavy|null");
        update(db, "UPDATE gadget SET maker_id = 2 WHERE title = 'lamp'");
        assertThatThrownBy(() -> update(db, "UPDATE gadget SET maker_id = 99 WHERE title = 'desk'"))
                .as("the foreign key is live").isInstanceOf(SQLException.class);
        step(db, dir, GadgetVersions.V7.class, "drop_stock", "0007_drop_stock",
                "SELECT title, weight, maker_id FROM gadget ORDER BY id", "lamp|3|2", "desk|40|null",
                "heavy|5000000000|null");
        assertThat(columns(db, "gadget")).containsExactlyInAnyOrder("id", "title", "weight", "maker_id");

        // a rename without a hint is refused until answered, then kept as a rename
        assertThatThrownBy(() -> make(dir, GadgetVersions.V8.class, "mass"))
                .isInstanceOf(MigrationRenameException.class)
                .hasMessageContaining("gadget.weight -> mass")
                .satisfies(e -> assertThat(((MigrationRenameException) e).suggestions())
                        .containsExactly(new RenameSuggestion("gadget", "weight", "mass", true)));
        assertThat(files(dir)).hasSize(7);
        MigrationOptions answered = MigrationOptions.of("mass", false)
                .withRename(new RenameSuggestion("gadget", "weight", "mass", true));
        Migrations.makeMigrations(Migrations.schemaOf(models(GadgetVersions.V8.class)), dir, answered).orElseThrow();
        Migrations.migrate(url, dir);
        assertThat(rows(db, "SELECT title, mass FROM gadget ORDER BY id"))
                .containsExactly("lamp|3", "desk|40", "heavy|5000000000");
        assertThat(rows(db, "SELECT name FROM track")).containsExactly("For Those About To Rock (We Salute You)");
        assertThat(make(dir, GadgetVersions.V8.class, "none")).isEmpty();

        List<MigrationStatus> status = Migrations.status(url, dir);
        assertThat(status).hasSize(8).allMatch(MigrationStatus::applied);

        // roll back the rename and the drop, then all the way
        assertThat(Migrations.rollback(url, dir, "0006_maker").rolledBack()).containsExactly("0008_mass", "0007_drop_stock");
        assertThat(rows(db, "SELECT title, weight, stock FROM gadget ORDER BY id"))
                .containsExactly("lamp|3|7", "desk|40|7", "heavy|5000000000|7");
        if (db.kind() != io.oxyde.testkit.DatabaseKind.SQLITE) { // SQLite's INTEGER holds 64 bits
            assertThatThrownBy(() -> Migrations.rollback(url, dir, "zero"))
                    .as("narrowing weight back to INTEGER would lose 5000000000")
                    .hasMessageContaining("0004_widen_weight");
            assertThat(rows(db, "SELECT weight FROM gadget WHERE title = 'heavy'")).containsExactly("5000000000");
        }
        update(db, "DELETE FROM gadget WHERE title = 'heavy'");
        Migrations.rollback(url, dir, "zero");
        assertThat(Migrations.status(url, dir)).noneMatch(MigrationStatus::applied);
        assertThat(tables(db)).doesNotContain("gadget", "artist", "track");
    }

    @AllDatabases
    void rollbackRefusesToGoForward(TestDatabase db) throws Exception {
        Path dir = Files.createTempDirectory("oxyde-migrations");
        make(dir, GadgetVersions.V1.class, null);
        make(dir, GadgetVersions.V2.class, null);
        assertThat(files(dir)).containsExactly("0001_initial.json", "0002_auto.json");
        Migrations.migrate(db.oxydeUrl(), dir, "0001_initial", false);
        assertThatThrownBy(() -> Migrations.rollback(db.oxydeUrl(), dir, "0002_auto"))
                .hasMessageContaining("0002_auto").hasMessageContaining("not applied");
        assertThatThrownBy(() -> Migrations.rollback(db.oxydeUrl(), dir, "0009_nope"))
                .hasMessageContaining("0009_nope");
        List<String> sql = Migrations.sqlFor(dir, "0002_auto", dialect(db));
        // on SQLite the statement is wrapped in the migrator's PRAGMA foreign_keys / transaction lines
        assertThat(sql).filteredOn(s -> !s.startsWith("PRAGMA") && !s.startsWith("--") && !s.equals("BEGIN")
                && !s.equals("COMMIT")).hasSize(1).allMatch(s -> s.contains("stock"));
        assertThat(Migrations.migrate(db.oxydeUrl(), dir).applied()).containsExactly("0002_auto");
    }

    private static Dialect dialect(TestDatabase db) {
        switch (db.kind()) {
            case POSTGRES: return Dialect.POSTGRES;
            case MARIADB: return Dialect.MARIADB;
            default: return Dialect.SQLITE;
        }
    }

    private static void step(TestDatabase db, Path dir, Class<?> version, String name, String file, String query,
                             String... expected) throws SQLException {
        MigrationDraft draft = make(dir, version, name).orElseThrow(() -> new AssertionError(name + ": nothing generated"));
        assertThat(draft.migration().name()).isEqualTo(file);
        assertThat(Migrations.migrate(db.oxydeUrl(), dir).applied()).containsExactly(file);
        assertThat(rows(db, query)).as(name).containsExactly(expected);
        assertThat(make(dir, version, name + "_again")).as(name + " unchanged").isEmpty();
    }

    private static List<Class<?>> models(Class<?> version) {
        List<Class<?>> models = new ArrayList<>(ChinookData.MODELS);
        models.add(version);
        return models;
    }

    private static Optional<MigrationDraft> make(Path dir, Class<?> version, String name) {
        return Migrations.makeMigrations(models(version), dir, name, false);
    }

    private static List<String> files(Path dir) throws Exception {
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static void update(TestDatabase db, String sql) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            if (db.kind() == io.oxyde.testkit.DatabaseKind.SQLITE) {
                s.execute("PRAGMA foreign_keys = ON");
            }
            s.executeUpdate(sql);
        }
    }

    private static List<String> rows(TestDatabase db, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> cells = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    cells.add(String.valueOf(rs.getObject(i)));
                }
                out.add(String.join("|", cells));
            }
        }
        return out;
    }

    private static List<String> columns(TestDatabase db, String table) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM gadget WHERE 1 = 0")) {
            List<String> out = new ArrayList<>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                out.add(rs.getMetaData().getColumnName(i).toLowerCase(java.util.Locale.ROOT));
            }
            return out;
        }
    }

    private static List<String> tables(TestDatabase db) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = db.connect()) {
            String schema = c.getSchema();
            try (ResultSet rs = c.getMetaData().getTables(c.getCatalog(), schema, "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    out.add(rs.getString("TABLE_NAME").toLowerCase(java.util.Locale.ROOT));
                }
            }
        }
        return out;
    }
}
