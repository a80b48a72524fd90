package io.oxyde.internal.routing;

import io.oxyde.codec.QueryIr;
import io.oxyde.codec.RawIr;
import io.oxyde.codec.SelectIr;
import io.oxyde.exception.AcquireTimeoutException;
import io.oxyde.exception.ConnectionLostException;
import io.oxyde.dialect.Dialect;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The routing state of one handle: when it last wrote (and, with {@code untilReplayed}, the
 * primary's WAL position after that write) and whether it is pinned to the primary or to a
 * replica. Decides the pool of every statement the handle runs outside a transaction.
 */
public final class Session {

    /** Pin names accepted by {@code using(...)}. */
    public static final String PRIMARY = "primary";
    /** Pin names accepted by {@code using(...)}. */
    public static final String REPLICA = "replica";

    private static final long NO_WRITE = Long.MIN_VALUE;
    /** Position placeholder while the primary's position after a write is being read. */
    private static final long PENDING = Long.MAX_VALUE;

    private final Router router;
    private final String pin;
    private final AtomicLong lastWrite;
    private final AtomicLong writtenLsn;

    Session(Router router, String pin) {
        this(router, pin, new AtomicLong(NO_WRITE), new AtomicLong(0));
    }

    private Session(Router router, String pin, AtomicLong lastWrite, AtomicLong writtenLsn) {
        this.router = router;
        this.pin = pin;
        this.lastWrite = lastWrite;
        this.writtenLsn = writtenLsn;
    }

    /** Whether {@code name} is a pin ("primary" or "replica") rather than a pool name. */
    public static boolean isPin(String name) {
        return PRIMARY.equals(name) || REPLICA.equals(name);
    }

    /** The same session (sharing its read-your-writes state) pinned to the primary or a replica. */
    public Session pinned(String name) {
        return new Session(router, name, lastWrite, writtenLsn);
    }

    /** A new session of the same router, with read-your-writes state of its own. */
    public Session fresh() {
        return router.newSession();
    }

    /** The router. */
    public Router router() {
        return router;
    }

    /** The pool a statement outside a transaction runs on. */
    public String poolFor(QueryIr ir) {
        if (PRIMARY.equals(pin) || !plainRead(ir)) {
            return router.primary();
        }
        if (REPLICA.equals(pin)) {
            String r = router.pickReplica(0);
            return r == null ? router.primary() : r;
        }
        return replicaUnlessRecentWrite();
    }

    /** The pool an {@code atomic} block begins on: a replica only for a read-only one, when allowed. */
    public String poolForTransaction(boolean readOnly) {
        if (!readOnly || !router.config().allowsReadOnlyTransactionsOnReplicas() || PRIMARY.equals(pin)) {
            return router.primary();
        }
        return replicaUnlessRecentWrite();
    }

    private String replicaUnlessRecentWrite() {
        long minimum = 0;
        if (router.config().isUntilReplayed() && router.dialect() == Dialect.POSTGRES) {
            minimum = writtenLsn.get();
            if (minimum == PENDING) {
                return router.primary();
            }
        }
        if (minimum == 0) {
            long last = lastWrite.get();
            long window = router.config().readYourWritesWindow().toNanos();
            if (last != NO_WRITE && System.nanoTime() - last < window) {
                return router.primary();
            }
        }
        String r = router.pickReplica(minimum);
        return r == null ? router.primary() : r;
    }

    /** Whether a query only reads and may run on a replica: a select without a row lock. */
    static boolean plainRead(QueryIr ir) {
        // raw SQL may write (INSERT … RETURNING, a CTE with DELETE): it goes to the primary
        return ir instanceof SelectIr s && s.lock() == null;
    }

    /**
     * Runs a read on the pool chosen for it; when a replica fails it with a lost connection or an
     * acquire timeout, the replica is marked down and the read runs again on the primary.
     */
    public <R> CompletableFuture<R> read(QueryIr ir, Function<String, CompletableFuture<R>> run) {
        String pool = poolFor(ir);
        CompletableFuture<R> first = run.apply(pool);
        if (!router.isReplica(pool)) {
            return first;
        }
        return first.exceptionallyCompose(e -> {
            Throwable cause = unwrap(e);
            if (cause instanceof ConnectionLostException || cause instanceof AcquireTimeoutException) {
                router.markDown(pool, cause);
                return run.apply(router.primary());
            }
            return CompletableFuture.failedFuture(cause);
        });
    }

    /** Records a write that just succeeded through this handle (outside or at the commit of a transaction). */
    public CompletableFuture<Void> wrote() {
        lastWrite.set(System.nanoTime());
        if (!router.config().isUntilReplayed() || router.dialect() != Dialect.POSTGRES) {
            return CompletableFuture.completedFuture(null);
        }
        writtenLsn.set(PENDING);
        return router.driver().query(router.primary(), new RawIr("SELECT pg_current_wal_lsn()::text", List.of()), null)
                .handle((rs, e) -> {
                    if (e != null) {
                        // unknown position: fall back to the window
                        writtenLsn.compareAndSet(PENDING, 0);
                    } else {
                        long lsn = Router.Lsn.parse(rs.rows().get(0).get(0).toJava().toString());
                        writtenLsn.updateAndGet(old -> old == PENDING ? lsn : Math.max(old, lsn));
                    }
                    return null;
                });
    }

    private static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
