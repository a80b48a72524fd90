package io.oxyde.testkit;

import io.oxyde.testkit.internal.StandaloneDatabases;

/**
 * Opens one isolated database outside the {@link AllDatabases} template, for tests whose
 * framework owns the test lifecycle (a {@code @SpringBootTest} class needs its database before
 * the application context starts, once per class). The servers are found exactly as for
 * {@link AllDatabases}, with the same rule: a missing server skips the test, or fails it when
 * {@code CI=true}.
 */
public final class TestDatabases {

    private TestDatabases() {
    }

    /** A test database the caller owns and drops with {@link Owned#close()}. */
    public interface Owned extends TestDatabase, AutoCloseable {
        /** Drops the database (a SQLite file, a PostgreSQL schema, a MariaDB database). */
        @Override
        void close() throws Exception;
    }

    /** Creates an empty database of this kind. */
    public static Owned open(DatabaseKind kind) throws Exception {
        return StandaloneDatabases.open(kind);
    }
}
