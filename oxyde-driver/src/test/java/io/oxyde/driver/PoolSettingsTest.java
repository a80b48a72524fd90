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
        assertThat(s.connections()).isEqualTo(new PoolSettings.Connections(null, null, Duration.ofMinutes(10),
                Duration.ofMinutes(30), true));
        assertThat(s.limits()).isEqualTo(new PoolSettings.Limits(10_000, 1_000_000));
        assertThat(s.timeouts()).isEqualTo(new PoolSettings.Timeouts(Duration.ofSeconds(30), null, Duration.ofMinutes(5)));
        assertThat(s.sqlite()).isEqualTo(new PoolSettings.Sqlite(PoolSettings.JournalMode.WAL,
                PoolSettings.Synchronous.NORMAL, null, Duration.ofSeconds(5), true));
        assertThat(s.tls()).isEqualTo(new PoolSettings.Tls(null, null, null, null));
        assertThat(s.applicationName()).isEqualTo("oxyde");
        assertThat(s.driverProperties()).isEmpty();
    }

    @Test
    void eachSetterChangesOneComponentOfItsConcern() {
        PoolSettings s = PoolSettings.builder().maxConnections(7).minConnections(2).idleTimeout(Duration.ZERO)
                .acquireTimeout(Duration.ofSeconds(3)).statementTimeout(Duration.ofMillis(1500))
                .transactionTimeout(Duration.ofSeconds(9)).sslMode(SslMode.VERIFY_FULL).sslRootCert("/ca.pem")
                .journalMode(PoolSettings.JournalMode.DELETE).cacheSize(-8000).foreignKeys(false)
                .maxResultRows(5).driverProperty("prepareThreshold", "0").driverProperty("tcpKeepAlive", "true")
                .build();
        assertThat(s.connections()).isEqualTo(new PoolSettings.Connections(7, 2, Duration.ZERO, Duration.ofMinutes(30), true));
        assertThat(s.timeouts()).isEqualTo(new PoolSettings.Timeouts(Duration.ofSeconds(3), Duration.ofMillis(1500),
                Duration.ofSeconds(9)));
        assertThat(s.limits()).isEqualTo(new PoolSettings.Limits(10_000, 5));
        assertThat(s.sqlite()).isEqualTo(new PoolSettings.Sqlite(PoolSettings.JournalMode.DELETE,
                PoolSettings.Synchronous.NORMAL, -8000, Duration.ofSeconds(5), false));
        assertThat(s.tls()).isEqualTo(new PoolSettings.Tls(SslMode.VERIFY_FULL, "/ca.pem", null, null));
        assertThat(s.tls().mode().postgresValue()).isEqualTo("verify-full");
        assertThat(s.tls().mode().mysqlValue()).isEqualTo("VERIFY_IDENTITY");
        assertThat(s.driverProperties()).containsOnly(java.util.Map.entry("prepareThreshold", "0"),
                java.util.Map.entry("tcpKeepAlive", "true"));
    }

    @Test
    void builderRoundTripsThroughToBuilder() {
        PoolSettings s = PoolSettings.builder().maxConnections(7).statementTimeout(Duration.ofSeconds(2))
                .tls(new PoolSettings.Tls(SslMode.REQUIRE, null, "/c.pem", "/k.pk8")).applicationName("app")
                .driverProperty("useServerPrepStmts", "true").build();
        PoolSettings copy = s.toBuilder().build();
        assertThat(copy.connections()).isEqualTo(s.connections());
        assertThat(copy.limits()).isEqualTo(s.limits());
        assertThat(copy.timeouts()).isEqualTo(s.timeouts());
        assertThat(copy.sqlite()).isEqualTo(s.sqlite());
        assertThat(copy.tls()).isEqualTo(s.tls());
        assertThat(copy.applicationName()).isEqualTo("app");
        assertThat(copy.driverProperties()).isEqualTo(s.driverProperties());
        assertThat(s.toBuilder().maxConnections(3).build().connections().max()).isEqualTo(3);
        assertThat(s.connections().max()).isEqualTo(7); // the original is unchanged
    }

    @Test
    void zeroStatementTimeoutMeansNone() {
        assertThat(PoolSettings.builder().statementTimeout(Duration.ZERO).build().timeouts().statement()).isNull();
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
