package io.oxyde.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

class ThreeDatabaseSmokeTest {

    @AllDatabases
    void connectsToAnEmptyDatabaseOfItsOwn(TestDatabase db) throws Exception {
        try (Connection c = db.connect()) {
            DatabaseMetaData meta = c.getMetaData();
            String product = meta.getDatabaseProductName().toLowerCase();
            switch (db.kind()) {
                case SQLITE -> assertThat(product).contains("sqlite");
                case POSTGRES -> assertThat(product).contains("postgres");
                case MARIADB -> assertThat(product).containsAnyOf("mariadb", "mysql");
            }
            assertThat(userTables(c, db)).isEmpty();
        }
    }

    @AllDatabases
    void storesAndReadsUnicodeText(TestDatabase db) throws Exception {
        String text = "Motörhead — Ace of Spades 🂡 'quoted' \\ %_";
        try (Connection c = db.connect()) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE smoke (id INTEGER PRIMARY KEY, name VARCHAR(200) NOT NULL)");
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO smoke (id, name) VALUES (?, ?)")) {
                ps.setInt(1, 1);
                ps.setString(2, text);
                assertThat(ps.executeUpdate()).isEqualTo(1);
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT name FROM smoke WHERE name = ?")) {
                ps.setString(1, text);
                try (ResultSet rs = ps.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).isEqualTo(text);
                    assertThat(rs.next()).isFalse();
                }
            }
            assertThat(userTables(c, db)).containsExactly("smoke");
        }
    }

    private static List<String> userTables(Connection c, TestDatabase db) throws Exception {
        String sql = switch (db.kind()) {
            case SQLITE -> "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
            case POSTGRES -> "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()";
            case MARIADB -> "SELECT table_name FROM information_schema.tables WHERE table_schema = database()";
        };
        List<String> names = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }
}
