package io.oxyde.migrate;

import java.sql.Connection;
import io.oxyde.exception.MigrationException;

/**
 * A data migration written in Java (Django's {@code RunPython}, Flyway's {@code JavaMigration}), run by
 * a {@link MigrationOperation.RunJava} operation that names the class. The class needs a public
 * no-argument constructor and is loaded through the thread's context class loader.
 *
 * <p>Both methods get the migration's own connection: on PostgreSQL and SQLite it is inside the
 * migration's transaction, so do not commit, roll back or close it; a thrown exception fails the
 * migration (and rolls it back there). On MySQL / MariaDB DDL is not transactional, see docs/migrations.md.
 */
public interface JavaMigration {

    /** Applies the data change. */
    void forward(Connection connection) throws Exception;

    /** Undoes {@link #forward}; the default refuses, which makes the migration irreversible. */
    default void backward(Connection connection) throws Exception {
        throw new MigrationException(getClass().getName() + " has no backward step, so its migration cannot be rolled back");
    }
}
