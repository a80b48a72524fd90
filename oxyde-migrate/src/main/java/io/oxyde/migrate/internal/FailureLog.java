package io.oxyde.migrate.internal;

import io.oxyde.exception.MigrationException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Failed runs on databases whose DDL is not transactional (MySQL, MariaDB), in
 * {@code oxyde_migration_failures}: which migration, which direction, how many of its operations had
 * completed and the statements that ran. While a failure is recorded, migrate refuses to run and
 * {@code repair} undoes what it left. The table exists only while a failure is recorded.
 */
final class FailureLog {
    public static final String NAME = "oxyde_migration_failures";
    private static final String SEPARATOR = ";\n";

    /** One failed run. */
    public record Failure(String name, boolean forward, int completedOperations, List<String> ran, String error) {
        public Failure {
            ran = List.copyOf(ran);
        }
    }

    private FailureLog() {
    }

    /** Records {@code failure} (autocommit: the DDL it describes is committed too). */
    public static void record(Connection c, Failure failure) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS `" + NAME + "` (`id` BIGINT AUTO_INCREMENT PRIMARY KEY, "
                    + "`name` VARCHAR(255) NOT NULL, `forward` BOOLEAN NOT NULL, `completed_operations` INT NOT NULL, "
                    + "`ran` LONGTEXT NOT NULL, `error` LONGTEXT, `failed_at` DATETIME(6) NOT NULL)");
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO `" + NAME
                + "` (`name`, `forward`, `completed_operations`, `ran`, `error`, `failed_at`) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, failure.name());
            ps.setBoolean(2, failure.forward());
            ps.setInt(3, failure.completedOperations());
            ps.setString(4, String.join(SEPARATOR, failure.ran()));
            ps.setString(5, failure.error());
            ps.setTimestamp(6, Timestamp.from(Instant.now()));
            ps.executeUpdate();
        }
    }

    /** The recorded failure, if any. */
    public static Optional<Failure> pending(Connection c) throws SQLException {
        if (!exists(c)) {
            return Optional.empty();
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT `name`, `forward`, "
                + "`completed_operations`, `ran`, `error` FROM `" + NAME + "` ORDER BY `id` DESC LIMIT 1")) {
            if (!rs.next()) {
                return Optional.empty();
            }
            return Optional.of(new Failure(rs.getString(1), rs.getBoolean(2), rs.getInt(3),
                    Arrays.asList(rs.getString(4).split(SEPARATOR, -1)), rs.getString(5)));
        }
    }

    /** Forgets every recorded failure: the table goes, it exists only while a failure is recorded. */
    public static void clear(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS `" + NAME + "`");
        }
    }

    /** Refuses to migrate while a failed run's leftovers are not repaired. */
    public static void refuseIfPending(Connection c) throws SQLException {
        Optional<Failure> failure = pending(c);
        if (failure.isPresent()) {
            Failure f = failure.get();
            throw new MigrationException("migration " + f.name() + " failed while being "
                    + (f.forward() ? "applied" : "rolled back") + " (" + f.error() + ") and these statements stay applied:\n    "
                    + String.join(";\n    ", f.ran()) + ";\n  run repair to undo them (or, if you already fixed the "
                    + "database by hand, repair --forget), then migrate again");
        }
    }

    private static boolean exists(Connection c) throws SQLException {
        try (ResultSet rs = c.getMetaData().getTables(c.getCatalog(), null, NAME, new String[] {"TABLE"})) {
            return rs.next();
        }
    }
}
