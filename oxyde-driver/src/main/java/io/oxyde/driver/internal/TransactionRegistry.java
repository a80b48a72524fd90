package io.oxyde.driver.internal;

import io.oxyde.exception.TransactionState;
import io.oxyde.exception.TransactionStateException;
import io.oxyde.driver.TxOptions;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Open transactions by id, as in the original's transaction registry, plus a short memory of
 * ended ones so that a late use of an id says how it ended (committed, rolled back, reaped
 * for idling, failed) instead of "unknown". A reaper on the shared timer rolls back
 * transactions idle past their pool's transaction timeout and returns their connections.
 */
public final class TransactionRegistry {

    private static final int ENDED_MEMORY = 10_000;
    private static final long REAPER_PERIOD_MS = 100;

    private final AtomicLong ids = new AtomicLong();
    private final ConcurrentHashMap<Long, Transaction> open = new ConcurrentHashMap<>();
    private final Map<Long, Ended> ended = new LinkedHashMap<>(64, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Ended> eldest) {
            return size() > ENDED_MEMORY;
        }
    };
    private final ScheduledFuture<?> reaper;

    private record Ended(String pool, TransactionState state, String message) {
    }

    public TransactionRegistry() {
        reaper = Timers.timer().scheduleWithFixedDelay(this::reap, REAPER_PERIOD_MS, REAPER_PERIOD_MS,
                TimeUnit.MILLISECONDS);
    }

    /** Takes a connection from {@code pool} and opens a transaction on it. */
    public CompletableFuture<Long> begin(ManagedPool pool, TxOptions options) {
        return pool.submit(work -> {
            Connection c = pool.dataSource().getConnection();
            boolean sqliteReadOnly;
            try {
                sqliteReadOnly = Transaction.configure(c, options, pool.dialect(), pool.settings().pooled());
            } catch (SQLException | RuntimeException e) {
                c.close();
                throw e;
            }
            long id = ids.incrementAndGet();
            pool.openTransactionCounter().incrementAndGet();
            Transaction tx = new Transaction(id, pool, c, sqliteReadOnly, this);
            open.put(id, tx);
            if (work.isCancelled()) {
                // the caller gave up on begin(): nobody will ever know this id, so end it now
                tx.abandon();
                throw new java.util.concurrent.CancellationException("begin cancelled");
            }
            return id;
        });
    }

    /**
     * The open transaction with this id.
     *
     * @throws TransactionStateException if it ended or never existed
     */
    public Transaction get(long id) {
        Transaction tx = open.get(id);
        if (tx != null) {
            return tx;
        }
        Ended e;
        synchronized (ended) {
            e = ended.get(id);
        }
        if (e != null) {
            throw new TransactionStateException(e.message(), e.pool(), id, e.state());
        }
        String known = id > 0 && id <= ids.get() ? " (it ended long ago)" : "";
        throw new TransactionStateException("unknown transaction id " + id + known, null, id, null);
    }

    /** How the transaction with this id stands, or {@code null} if it is unknown. */
    public TransactionState state(long id) {
        Transaction tx = open.get(id);
        if (tx != null) {
            return tx.state();
        }
        synchronized (ended) {
            Ended e = ended.get(id);
            return e == null ? null : e.state();
        }
    }

    void ended(Transaction tx, TransactionState state) {
        String message = tx.endedMessage();
        synchronized (ended) {
            ended.put(tx.id(), new Ended(tx.pool().name(), tx.state(), message));
        }
        open.remove(tx.id());
    }

    /** Ends every transaction of a pool that is closing. */
    public void abandon(ManagedPool pool) {
        for (Transaction tx : new ArrayList<>(open.values())) {
            if (tx.pool() == pool) {
                tx.abandon();
            }
        }
    }

    /** Open transactions, for monitoring and tests. */
    public int openCount() {
        return open.size();
    }

    private void reap() {
        long now = System.nanoTime();
        for (Transaction tx : open.values()) {
            try {
                tx.reapIfIdle(now, tx.pool().settings().timeouts().transaction().toNanos());
            } catch (RuntimeException ignored) {
                // never let one transaction stop the reaper
            }
        }
    }

    /** Stops the reaper. */
    public void close() {
        reaper.cancel(false);
    }
}
