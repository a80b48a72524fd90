package io.oxyde.driver.internal;

import java.util.Iterator;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * Submits a blocking caller's statements without waking a pool worker.
 *
 * <p>Why: a caller that waits with {@code Oxyde.await} runs its still-queued statement itself
 * ({@link io.oxyde.driver.OxydeFuture#await}), so the worker that {@code execute} woke for it
 * finds the task taken and parks again. That wake was still paid: the futex call in the caller
 * (8 % of a PostgreSQL join's client CPU on the reference machine) and the worker's switch in and
 * out on the other core. So a thread whose last {@link #STREAK} submissions it ran itself is
 * taken to be a blocking caller, and its next statement is queued in its chain only, for it to
 * claim.
 *
 * <p>Nothing may then wait for ever: a deferred task is handed to a worker (1) by the same
 * thread's next submission if it has not been taken by then (the thread stopped waiting: its
 * streak ends), (2) by {@code get}, {@code join} or a timed {@code get} on its chain
 * ({@link Lineage#expedite}), or (3) by one JVM-wide daemon thread that sweeps every
 * {@link #GRACE_NANOS} and dispatches what has waited that long: a statement whose future is
 * never waited on (fire and forget) starts at most about two periods late, once, and its
 * thread's streak ends. A sweep costs a timer wake-up: at 2 kHz they cost as much CPU as the
 * worker wake-ups saved, measured on the reference machine; at 200 Hz about a tenth. The sweeper
 * parks for good after {@link #IDLE_NANOS} without deferred work, so an idle application pays
 * nothing. Each thread has at most one deferred task, so deferred tasks cannot pile up past the
 * executor's queue bound.
 */
final class DeferredDispatch {

    /** Submissions a thread must have run itself, in a row, before its next one is deferred. */
    static final int STREAK = 2;
    /** How long a deferred task waits for its caller before a worker gets it; also the sweep period. */
    static final long GRACE_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
    static final long IDLE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    /** What a submitting thread did last. */
    private static final class Habit {
        Lineage.Claim last;
        int streak;
    }

    private static final ThreadLocal<Habit> HABITS = ThreadLocal.withInitial(Habit::new);
    private static final ConcurrentLinkedQueue<Pending> PENDING = new ConcurrentLinkedQueue<>();
    private static final AtomicBoolean PARKED = new AtomicBoolean();
    private static volatile Thread sweeper;

    private record Pending(Lineage.Claim claim, long since) {
    }

    private DeferredDispatch() {
    }

    /**
     * Records {@code claim} as this thread's latest submission and answers whether it may be
     * deferred (its thread has been running its own statements). Hands the thread's previous
     * submission to a worker if it was deferred and is still untaken.
     */
    static boolean mayDefer(Lineage.Claim claim) {
        Habit h = HABITS.get();
        Lineage.Claim last = h.last;
        if (last != null) {
            h.streak = last.ranOnSubmitter() ? Math.min(h.streak + 1, STREAK) : 0;
            last.dispatch(); // deferred and still untaken: this thread did not wait for it
        }
        h.last = claim;
        return h.streak >= STREAK;
    }

    /** Defers {@code claim}: {@code dispatch} hands it to a worker if its caller does not take it. */
    static void defer(Lineage.Claim claim, Runnable dispatch) {
        claim.defer(dispatch);
        PENDING.add(new Pending(claim, System.nanoTime()));
        Thread s = sweeper;
        if (s == null) {
            start();
        } else if (PARKED.get() && PARKED.compareAndSet(true, false)) {
            LockSupport.unpark(s);
        }
    }

    private static synchronized void start() {
        if (sweeper != null) {
            return;
        }
        Thread t = new Thread(DeferredDispatch::sweep, "oxyde-deferred-dispatch");
        t.setDaemon(true);
        sweeper = t;
        t.start();
    }

    private static void sweep() {
        long busySince = System.nanoTime();
        while (true) {
            long now = System.nanoTime();
            for (Iterator<Pending> it = PENDING.iterator(); it.hasNext(); ) {
                Pending p = it.next();
                if (p.claim().isTaken()) {
                    it.remove();
                } else if (now - p.since() >= GRACE_NANOS) {
                    it.remove();
                    try {
                        p.claim().dispatch();
                    } catch (RuntimeException e) {
                        // dispatch reports a refusal through the task's future; nothing else may stop the sweeper
                    }
                }
            }
            if (!PENDING.isEmpty()) {
                busySince = now;
            } else if (now - busySince > IDLE_NANOS) {
                PARKED.set(true);
                if (PENDING.isEmpty()) {
                    LockSupport.park();
                }
                PARKED.set(false);
                busySince = System.nanoTime();
                continue;
            }
            LockSupport.parkNanos(GRACE_NANOS);
        }
    }
}
