package io.oxyde.testkit.internal;

import io.oxyde.testkit.DatabaseKind;
import io.oxyde.testkit.TestDatabases;

/** The engine of {@link TestDatabases#open}: locate the server, create the isolated database. */
public final class StandaloneDatabases {

    private StandaloneDatabases() {
    }

    public static TestDatabases.Owned open(DatabaseKind kind) throws Exception {
        ServerEndpoint server = null;
        if (kind != DatabaseKind.SQLITE) {
            ServerLocator.Located located = ServerLocator.locate(kind);
            if (located.endpoint() == null) {
                throw AllDatabasesExtension.unavailable(located.problem(), AllDatabasesExtension.isCi());
            }
            server = located.endpoint();
        }
        return IsolatedDatabase.create(kind, server);
    }
}
