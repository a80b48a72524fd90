package io.oxyde.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import io.oxyde.exception.ConfigurationException;

class PoolSettingsTest {

    @Test
    void defaults() {
        PoolSettings s = PoolSettings.defaults();
        assertThat(s.maxConnections()).isNull();
        assertThat(s.acquireTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.transactionTimeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(s.statementTimeout()).isNull();
        assertThat(s.journalMode()).isEqualTo(PoolSettings.JournalMode.WAL);
        assertThat(s.synchronous()).isEqualTo(PoolSettings.Synchronous.NORMAL);
        assertThat(s.foreignKeys()).isTrue();
        assertThat(s.busyTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(s.charset()).isEqualTo("utf8mb4");
        assertThat(s.rewriteBatchedStatements()).isTrue();
        assertThat(s.cachePrepStmts()).isTrue();
        assertThat(s.useServerPrepStmts()).isFalse();
        assertThat(s.applicationName()).isEqualTo("oxyde");
        assertThat(s.testBeforeAcquire()).isTrue();
    }

    @Test
    void builderRoundTripsThroughToBuilder() {
        PoolSettings s = PoolSettings.builder().maxConnections(7).minConnections(2)
                .acquireTimeout(Duration.ofSeconds(3)).statementTimeout(Duration.ofMillis(1500))
                .transactionTimeout(Duration.ofSeconds(9)).sslMode(SslMode.VERIFY_FULL).sslRootCert("/ca.pem")
                .prepareThreshold(0).preparedStatementCacheQueries(64).charset("latin1").collation("latin1_swedish_ci")
                .journalMode(PoolSettings.JournalMode.DELETE).cacheSize(-8000).driverProperty("tcpKeepAlive", "true")
                .build();
        PoolSettings copy = s.toBuilder().build();
        assertThat(copy.maxConnections()).isEqualTo(7);
        assertThat(copy.minConnections()).isEqualTo(2);
        assertThat(copy.statementTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(copy.sslMode()).isEqualTo(SslMode.VERIFY_FULL);
        assertThat(copy.sslMode().postgresValue()).isEqualTo("verify-full");
        assertThat(copy.sslMode().mysqlValue()).isEqualTo("VERIFY_IDENTITY");
        assertThat(copy.prepareThreshold()).isZero();
        assertThat(copy.cacheSize()).isEqualTo(-8000);
        assertThat(copy.driverProperties()).containsEntry("tcpKeepAlive", "true");
        assertThat(copy.journalMode()).isEqualTo(PoolSettings.JournalMode.DELETE);
    }

    @Test
    void zeroStatementTimeoutMeansNone() {
        assertThat(PoolSettings.builder().statementTimeout(Duration.ZERO).build().statementTimeout()).isNull();
    }

    @Test
    void invalidValuesNameTheSetting() {
        assertSetting(() -> PoolSettings.builder().maxConnections(0), "maxConnections");
        assertSetting(() -> PoolSettings.builder().minConnections(-1), "minConnections");
        assertSetting(() -> PoolSettings.builder().acquireTimeout(Duration.ofMillis(10)), "acquireTimeout");
        assertSetting(() -> PoolSettings.builder().transactionTimeout(Duration.ZERO), "transactionTimeout");
        assertSetting(() -> PoolSettings.builder().statementTimeout(Duration.ofSeconds(-1)), "statementTimeout");
        assertSetting(() -> PoolSettings.builder().maxQueuedTasks(-5), "maxQueuedTasks");
        assertSetting(() -> PoolSettings.builder().maxConnections(2).minConnections(3).build(), "minConnections");
    }

    private static void assertSetting(Runnable r, String part) {
        assertThatThrownBy(r::run).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(part)
                .satisfies(e -> assertThat(((ConfigurationException) e).part()).isEqualTo(part));
    }
}
