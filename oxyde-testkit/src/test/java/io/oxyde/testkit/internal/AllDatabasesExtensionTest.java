package io.oxyde.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.oxyde.testkit.DatabaseKind;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

class AllDatabasesExtensionTest {

    @Test
    void aMissingDatabaseFailsUnderCi() {
        RuntimeException e = AllDatabasesExtension.unavailable("postgres is not reachable", true);
        assertThat(e).isInstanceOf(IllegalStateException.class).isNotInstanceOf(TestAbortedException.class);
        assertThat(e).hasMessageContaining("CI=true").hasMessageContaining("postgres is not reachable");
    }

    @Test
    void aMissingDatabaseIsSkippedLocally() {
        assertThat(AllDatabasesExtension.unavailable("gone", false)).isInstanceOf(TestAbortedException.class);
    }

    @Test
    void startInstructionsNameTheCommandAndTheVariable() {
        assertThat(ServerLocator.howToStart(DatabaseKind.POSTGRES)).contains("pg_ctlcluster").contains("OXYDE_TEST_PG_URL");
        assertThat(ServerLocator.howToStart(DatabaseKind.MARIADB)).contains("mariadbd").contains("OXYDE_TEST_MARIADB_URL");
    }
}
