package io.oxyde.migrate.internal;

import io.oxyde.migrate.JavaMigration;
import io.oxyde.exception.MigrationException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * How a {@code RunJava} operation travels among a migration's statements: as a comment line
 * ({@code -- oxyde:java forward com.example.Backfill}) that a person reading {@code sqlmigrate}
 * output understands and that the migrator runs by calling the class.
 */
final class JavaSteps {
    /** Prefix of the line that stands for a Java step. */
    public static final String MARKER = "-- oxyde:java ";

    private JavaSteps() {
    }

    /** The line for running {@code className} forwards or backwards. */
    public static String line(String className, boolean backwards) {
        return MARKER + (backwards ? "backward " : "forward ") + className;
    }

    /** Whether {@code statement} is a Java step. */
    public static boolean is(String statement) {
        return statement.startsWith(MARKER);
    }

    /** Runs the Java step {@code statement} on {@code c}; a checked exception becomes a MigrationException naming the step. */
    public static void run(String statement, Connection c) throws SQLException {
        String[] parts = statement.substring(MARKER.length()).trim().split("\\s+");
        boolean backwards = parts[0].equals("backward");
        JavaMigration migration = instantiate(parts[1]);
        try {
            if (backwards) {
                migration.backward(c);
            } else {
                migration.forward(c);
            }
        } catch (SQLException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new MigrationException(statement.substring(MARKER.length()) + " failed: " + e, e);
        }
    }

    private static JavaMigration instantiate(String className) {
        ClassLoader loader = Optional.ofNullable(Thread.currentThread().getContextClassLoader())
                .orElse(JavaSteps.class.getClassLoader());
        Class<?> type;
        try {
            type = Class.forName(className, true, loader);
        } catch (ClassNotFoundException e) {
            throw new MigrationException("Java migration class " + className + " is not on the classpath", e);
        }
        if (!JavaMigration.class.isAssignableFrom(type)) {
            throw new MigrationException("Java migration class " + className + " does not implement "
                    + JavaMigration.class.getName());
        }
        try {
            return (JavaMigration) type.getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new MigrationException("cannot create Java migration " + className
                    + " (it needs a public no-argument constructor): " + e, e);
        }
    }
}
