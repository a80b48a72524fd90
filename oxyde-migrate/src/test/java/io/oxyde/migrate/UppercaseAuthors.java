package io.oxyde.migrate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** A test data migration: keeps each author's name in original_name and upper-cases name in Java; backward restores it. */
public class UppercaseAuthors implements JavaMigration {
    @Override
    public void forward(Connection connection) throws Exception {
        Map<Long, String> names = new LinkedHashMap<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT id, name FROM author")) {
            while (rs.next()) {
                names.put(rs.getLong(1), rs.getString(2));
            }
        }
        try (PreparedStatement ps = connection.prepareStatement("UPDATE author SET original_name = ?, name = ? WHERE id = ?")) {
            for (Map.Entry<Long, String> e : names.entrySet()) {
                ps.setString(1, e.getValue());
                ps.setString(2, e.getValue().toUpperCase(Locale.ROOT));
                ps.setLong(3, e.getKey());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    @Override
    public void backward(Connection connection) throws Exception {
        try (Statement s = connection.createStatement()) {
            s.executeUpdate("UPDATE author SET name = original_name");
        }
    }

    /** Fails half-way, after changing rows: the migration must roll back (where DDL is transactional). */
    public static class Failing extends UppercaseAuthors {
        @Override
        public void forward(Connection connection) throws Exception {
            super.forward(connection);
            throw new IllegalStateException("backfill refused row 7");
        }
    }
}
