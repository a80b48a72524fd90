package io.oxyde.migrate.internal;

import io.oxyde.migrate.Migration;
import io.oxyde.exception.MigrationException;
import io.oxyde.migrate.MigrationOperation;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What a Galera cluster needs of a schema: every table a primary key (without one, Galera cannot
 * certify or apply its rows reliably, and {@code DELETE}s replicate as full scans on every node).
 * A migration that creates a table without one is refused before it runs anything.
 */
final class GaleraChecks {

    private GaleraChecks() {
    }

    /** Whether {@code c} is a node of a Galera cluster ({@code @@wsrep_on}). */
    static boolean isGalera(Connection c) {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT @@wsrep_on")) {
            return rs.next() && rs.getInt(1) == 1;
        } catch (SQLException e) {
            return false; // MySQL has no wsrep variables
        }
    }

    /** Refuses {@code m} when it creates a table without a primary key on a Galera node. */
    static void refuseTablesWithoutPrimaryKey(Connection c, Migration m) {
        for (MigrationOperation op : m.operations()) {
            if (op instanceof MigrationOperation.CreateTable ct && ct.table().primaryKey().isEmpty() && isGalera(c)) {
                throw new MigrationException("migration " + m.name() + " creates table " + ct.table().name()
                        + " without a primary key, which a Galera cluster cannot replicate reliably;"
                        + " add a primary key (nothing was run)");
            }
        }
    }
}
