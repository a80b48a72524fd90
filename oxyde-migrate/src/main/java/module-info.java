/**
 * The schema model, its diff, per-dialect DDL, migration files and the {@code Migrator}.
 *
 * <p>Jackson writes and reads migration files from this module's records, so both packages are
 * open to Jackson databind alone (the internal one holds the checksummed form); nothing else of
 * {@code io.oxyde.migrate.internal} is exported. Java migrations ({@code JavaMigration}) are
 * created by class name: an application on the module path exports their package to
 * {@code io.oxyde.migrate}.
 */
module io.oxyde.migrate {
    requires transitive io.oxyde.codec;
    requires transitive java.sql;
    requires com.fasterxml.jackson.databind;

    exports io.oxyde.migrate;

    opens io.oxyde.migrate to com.fasterxml.jackson.databind;
    opens io.oxyde.migrate.internal to com.fasterxml.jackson.databind;
}
