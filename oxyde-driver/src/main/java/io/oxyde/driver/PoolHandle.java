package io.oxyde.driver;

import io.oxyde.dialect.Dialect;
import io.oxyde.driver.internal.ManagedPool;

/**
 * A pool of the registry, looked up once ({@link OxydeDriver#handle(String)}) and then used for
 * every statement, so a caller that runs many statements on one pool (the API's {@code Oxyde}
 * handle) does not look the pool up by name each time. The name and the registry stay for the
 * byte boundary and for {@code Oxyde.database(name)}.
 *
 * <p>A handle names the pool it was taken from: once that pool is closed, statements through the
 * handle fail with {@link io.oxyde.exception.PoolNotFoundException}, even if a new pool has been
 * opened under the same name since.
 */
public final class PoolHandle {
    final ManagedPool pool;

    PoolHandle(ManagedPool pool) {
        this.pool = pool;
    }

    /** The pool's name in its registry. */
    public String name() {
        return pool.name();
    }

    /** The pool's dialect. */
    public Dialect dialect() {
        return pool.dialect();
    }

    @Override
    public String toString() {
        return "PoolHandle[" + pool.name() + "]";
    }
}
