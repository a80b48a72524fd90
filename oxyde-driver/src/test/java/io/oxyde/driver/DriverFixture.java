package io.oxyde.driver;

import io.oxyde.codec.MutationResult;
import io.oxyde.codec.QueryIr;
import io.oxyde.codec.RawIr;
import io.oxyde.codec.ResultFrame;
import io.oxyde.codec.RowSet;
import io.oxyde.codec.Value;
import io.oxyde.testkit.DatabaseKind;
import io.oxyde.testkit.TestDatabase;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A private registry and driver with one pool named "main" on a test database. */
final class DriverFixture implements AutoCloseable {

    static final String POOL = "main";

    final TestDatabase db;
    final PoolRegistry registry = new PoolRegistry();
    final OxydeDriver driver = new OxydeDriver(registry);
    final Pool pool;

    DriverFixture(TestDatabase db, PoolSettings settings) {
        this.db = db;
        this.pool = registry.init(POOL, db.oxydeUrl(), settings);
    }

    DriverFixture(TestDatabase db) {
        this(db, PoolSettings.defaults());
    }

    DatabaseKind kind() {
        return db.kind();
    }

    /** An auto-increment primary key column for this database. */
    String idColumn() {
        switch (db.kind()) {
            case SQLITE:
                return "id INTEGER PRIMARY KEY AUTOINCREMENT";
            case POSTGRES:
                return "id BIGSERIAL PRIMARY KEY";
            default:
                return "id BIGINT AUTO_INCREMENT PRIMARY KEY";
        }
    }

    /** Runs raw SQL (DDL or a write) through the driver. */
    long sql(String sql, Object... params) {
        ResultFrame f = await(driver.execute(POOL, raw(sql, params)));
        return f instanceof MutationResult ? ((MutationResult) f).affected() : -1;
    }

    RowSet rows(String sql, Object... params) {
        return await(driver.query(POOL, raw(sql, params), null));
    }

    static RawIr raw(String sql, Object... params) {
        return new RawIr(sql, java.util.Arrays.stream(params).map(Value::of).toList());
    }

    /** A single scalar of a one-row, one-column result, as a long. */
    long scalar(String sql, Object... params) {
        RowSet r = rows(sql, params);
        return ((Number) r.rows().get(0).get(0).toJava()).longValue();
    }

    ResultFrame run(QueryIr ir) {
        return await(driver.execute(POOL, ir));
    }

    static <T> T await(CompletableFuture<T> f) {
        try {
            return f.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException) {
                throw (RuntimeException) e.getCause();
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The exception a future failed with (fails the test if it succeeded). */
    static Throwable failure(CompletableFuture<?> f) {
        try {
            Object r = f.get(60, TimeUnit.SECONDS);
            throw new AssertionError("expected a failure, got " + r);
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (CancellationException e) {
            return e;
        } catch (InterruptedException | TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Object> javaRow(RowSet rows, int i) {
        return rows.rows().get(i).stream().map(Value::toJava).toList();
    }

    @Override
    public void close() {
        registry.close();
    }
}
