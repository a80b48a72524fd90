package io.oxyde.driver.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.oxyde.testkit.AllDatabases;
import io.oxyde.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;

/** The lending rules of {@link StatementCache}, on real connections of every database. */
class StatementCacheTest {

    private static final StatementCache.Keys NONE = StatementCache.Keys.NONE;

    @AllDatabases
    void theSameSqlReusesOneStatementAfterASuccessfulRun(TestDatabase db) throws Exception {
        StatementCache cache = new StatementCache(8, 1);
        try (Connection c = db.connect()) {
            StatementCache.Lease first = cache.lease(c, "SELECT 1", NONE, List.of());
            assertThat(selectOne(first.statement())).isEqualTo(1);
            first.release(true);
            StatementCache.Lease second = cache.lease(c, "SELECT 1", NONE, List.of());
            assertThat(second.statement()).isSameAs(first.statement());
            assertThat(selectOne(second.statement())).isEqualTo(1);
            second.release(true);
            assertThat(cache.size()).isEqualTo(1);
            cache.close();
            assertThat(first.statement().isClosed()).isTrue();
            assertThat(cache.size()).isZero();
        }
    }

    @AllDatabases
    void aStatementIsLentToOneExecutionAtATime(TestDatabase db) throws Exception {
        StatementCache cache = new StatementCache(8, 1);
        try (Connection c = db.connect()) {
            StatementCache.Lease outer = cache.lease(c, "SELECT 1", NONE, List.of());
            StatementCache.Lease inner = cache.lease(c, "SELECT 1", NONE, List.of());
            assertThat(inner.statement()).isNotSameAs(outer.statement());
            assertThat(selectOne(inner.statement())).isEqualTo(1);
            inner.release(true);
            assertThat(inner.statement().isClosed()).as("the uncached second statement is closed").isTrue();
            outer.release(true);
            assertThat(outer.statement().isClosed()).isFalse();
            assertThat(cache.size()).isEqualTo(1);
            cache.close();
        }
    }

    @AllDatabases
    void aStatementWhoseRunFailedIsClosedAndNotReused(TestDatabase db) throws Exception {
        StatementCache cache = new StatementCache(8, 1);
        try (Connection c = db.connect()) {
            StatementCache.Lease failed = cache.lease(c, "SELECT 1", NONE, List.of());
            failed.rememberParameterCount(0);
            failed.release(false);
            assertThat(failed.statement().isClosed()).isTrue();
            StatementCache.Lease next = cache.lease(c, "SELECT 1", NONE, List.of());
            assertThat(next.statement()).isNotSameAs(failed.statement());
            assertThat(next.knownParameterCount()).as("nothing learned survives a failure").isEqualTo(-1);
            next.release(true);
            cache.close();
        }
    }

    @AllDatabases
    void theLeastRecentlyUsedStatementIsClosedBeyondTheLimit(TestDatabase db) throws Exception {
        StatementCache cache = new StatementCache(2, 1);
        try (Connection c = db.connect()) {
            PreparedStatement one = leaseAndRelease(cache, c, "SELECT 1");
            PreparedStatement two = leaseAndRelease(cache, c, "SELECT 2");
            assertThat(leaseAndRelease(cache, c, "SELECT 1")).isSameAs(one); // 1 is now the most recent
            leaseAndRelease(cache, c, "SELECT 3");
            assertThat(two.isClosed()).isTrue();
            assertThat(one.isClosed()).isFalse();
            assertThat(cache.size()).isEqualTo(2);
            cache.close();
        }
    }

    @AllDatabases
    void generatedKeyModesAreSeparateStatements(TestDatabase db) throws Exception {
        StatementCache cache = new StatementCache(8, 1);
        try (Connection c = db.connect()) {
            PreparedStatement plain = leaseAndRelease(cache, c, "SELECT 1");
            StatementCache.Lease keys = cache.lease(c, "SELECT 1", StatementCache.Keys.GENERATED, List.of());
            assertThat(keys.statement()).isNotSameAs(plain);
            keys.release(true);
            assertThat(cache.size()).isEqualTo(2);
            cache.close();
        }
    }

    @AllDatabases
    void entriesOfClosedConnectionsAreSweptAndCachingOffPreparesEveryTime(TestDatabase db) throws Exception {
        StatementCache cache = new StatementCache(8, 1);
        PreparedStatement old;
        try (Connection c = db.connect()) {
            old = leaseAndRelease(cache, c, "SELECT 1");
        }
        try (Connection c = db.connect()) {
            leaseAndRelease(cache, c, "SELECT 1");
            assertThat(cache.size()).as("the closed connection's entry is gone").isEqualTo(1);
        }
        cache.close();

        StatementCache off = new StatementCache(0, 1);
        try (Connection c = db.connect()) {
            StatementCache.Lease a = off.lease(c, "SELECT 1", NONE, List.of());
            a.release(true);
            assertThat(a.statement().isClosed()).isTrue();
            assertThat(off.size()).isZero();
        }
    }

    @AllDatabases
    void discardClosesOnlyThatConnectionsStatements(TestDatabase db) throws Exception {
        StatementCache cache = new StatementCache(8, 2);
        try (Connection a = db.connect(); Connection b = db.connect()) {
            PreparedStatement onA = leaseAndRelease(cache, a, "SELECT 1");
            PreparedStatement onB = leaseAndRelease(cache, b, "SELECT 1");
            cache.discard(a);
            assertThat(onA.isClosed()).isTrue();
            assertThat(onB.isClosed()).isFalse();
            assertThat(cache.size()).isEqualTo(1);
            assertThat(leaseAndRelease(cache, a, "SELECT 1")).isNotSameAs(onA);
            cache.close();
        }
    }

    @AllDatabases
    void aVeryLongStatementIsPreparedEachTimeAndNotKept(TestDatabase db) throws Exception {
        StatementCache cache = new StatementCache(8, 1);
        String longSql = "SELECT 1 " + "/* padding */ ".repeat(StatementCache.MAX_CACHED_SQL_CHARS / 10);
        try (Connection c = db.connect()) {
            StatementCache.Lease lease = cache.lease(c, longSql, NONE, List.of());
            assertThat(selectOne(lease.statement())).isEqualTo(1);
            lease.release(true);
            assertThat(lease.statement().isClosed()).isTrue();
            assertThat(cache.size()).isZero();
        }
    }

    private static PreparedStatement leaseAndRelease(StatementCache cache, Connection c, String sql) throws Exception {
        StatementCache.Lease lease = cache.lease(c, sql, NONE, List.of());
        selectOne(lease.statement());
        lease.release(true);
        return lease.statement();
    }

    private static long selectOne(PreparedStatement ps) throws Exception {
        try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
