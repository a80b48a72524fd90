package io.oxyde.driver.internal;

import io.oxyde.driver.OxydeFuture;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The database work behind one chain of futures: the driver futures it started (so cancelling
 * any stage of the chain cancels the statement running for it) and the tasks of those that
 * still wait in an executor queue (so a caller blocked on the chain can run them itself instead
 * of waiting for a worker to wake up). Stages derived from a driver future share its lineage;
 * a stage that composes a further call adopts that call's lineage as a child. Children whose
 * work is all done are dropped when the next one is adopted, so a long chain (a bulk insert in
 * many batches, a keyset stream) holds only what is still running.
 */
public final class Lineage {

    /** How this package reads a future's lineage, which {@link OxydeFuture} keeps private. */
    private static volatile java.util.function.Function<OxydeFuture<?>, Lineage> access;

    /**
     * Called once, by {@link OxydeFuture}'s class initialiser, to let the driver's internals read a
     * future's lineage without a public accessor on the future.
     */
    public static void grant(java.util.function.Function<OxydeFuture<?>, Lineage> reader) {
        if (access != null) {
            throw new IllegalStateException("lineage access is already granted");
        }
        access = reader;
    }

    /** The lineage of a driver future. */
    public static Lineage of(OxydeFuture<?> future) {
        return access.apply(future);
    }


    // Made on first use (most chains have one root, no children and at most one queued task),
    // so a chain that runs one statement allocates no collection at all.
    private CompletableFuture<?> root;
    private List<CompletableFuture<?>> moreRoots;
    private List<Lineage> children;
    private Claim firstQueued;
    private ArrayDeque<Claim> moreQueued;
    private Lineage parent;
    /** Bumped whenever work is queued or a chain completes, under this object's monitor. */
    private long progress;

    /** A task that runs at most once: on a pool worker, or on the thread that claims it first. */
    public static final class Claim implements Runnable {
        private final AtomicBoolean taken = new AtomicBoolean();
        private final Thread submitter = Thread.currentThread();
        private volatile Runnable body;
        private volatile boolean ranOnSubmitter;
        /** How to hand this task to a worker when its submission deferred that (see {@link DeferredDispatch}). */
        private volatile Runnable dispatch;
        private final AtomicBoolean dispatched = new AtomicBoolean();

        public Claim(Runnable body) {
            this.body = body;
        }

        @Override
        public void run() {
            if (taken.compareAndSet(false, true)) {
                ranOnSubmitter = Thread.currentThread() == submitter;
                Runnable b = body;
                body = null; // a claim kept as a thread's last submission holds no query
                b.run();
            }
        }

        boolean isTaken() {
            return taken.get();
        }

        /** Takes the task away from whoever would run it; true if nobody had started it. */
        boolean take() {
            return taken.compareAndSet(false, true);
        }

        /** Whether the thread that submitted this task ran it (a caller waiting with {@code await}). */
        boolean ranOnSubmitter() {
            return ranOnSubmitter;
        }

        /** Marks this task as submitted without waking a worker; {@code dispatch} hands it to one. */
        void defer(Runnable dispatch) {
            this.dispatch = dispatch;
        }

        /** Hands a deferred task that nobody has taken yet to a worker, once; otherwise does nothing. */
        void dispatch() {
            Runnable d = dispatch;
            if (d != null && !taken.get() && dispatched.compareAndSet(false, true)) {
                d.run();
            }
        }
    }

    /** Records a driver future whose statement belongs to this chain. */
    public synchronized void addRoot(CompletableFuture<?> root) {
        if (this.root == null) {
            this.root = root;
        } else {
            if (moreRoots == null) {
                moreRoots = new ArrayList<>(2);
            }
            moreRoots.add(root);
        }
    }

    /** Records a task of this chain waiting in an executor queue, and wakes a caller waiting on the chain. */
    public void queued(Claim task) {
        synchronized (this) {
            if (!hasQueued()) {
                firstQueued = task;
            } else {
                if (moreQueued == null) {
                    moreQueued = new ArrayDeque<>(2);
                }
                moreQueued.add(task);
            }
        }
        signal();
    }

    /** Makes {@code stage}'s work part of this chain, if it is a driver future of another chain. */
    public void adopt(CompletionStage<?> stage) {
        if (!(stage instanceof OxydeFuture<?> f) || of(f) == this) {
            return;
        }
        Lineage child = of(f);
        synchronized (child) {
            child.parent = this;
        }
        synchronized (this) {
            if (children == null) {
                children = new ArrayList<>(2);
            }
            children.removeIf(Lineage::finished);
            children.add(child);
        }
        signal();
    }

    /** Whether nothing of this chain can still run: every driver future and every child is done. */
    private synchronized boolean finished() {
        if (root != null && !root.isDone()) {
            return false;
        }
        if (moreRoots != null) {
            for (CompletableFuture<?> r : moreRoots) {
                if (!r.isDone()) {
                    return false;
                }
            }
        }
        if (children != null) {
            for (Lineage c : children) {
                if (!c.finished()) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The driver futures of this chain, as a copy (the caller holds this object's monitor). */
    private List<CompletableFuture<?>> roots() {
        if (root == null) {
            return List.of();
        }
        if (moreRoots == null) {
            return List.of(root);
        }
        List<CompletableFuture<?>> all = new ArrayList<>(1 + moreRoots.size());
        all.add(root);
        all.addAll(moreRoots);
        return all;
    }

    /** The chains this one adopted, as a copy (the caller holds this object's monitor). */
    private List<Lineage> children() {
        return children == null || children.isEmpty() ? List.of() : new ArrayList<>(children);
    }

    /** The tasks queued and not yet polled, as a copy (the caller holds this object's monitor). */
    private List<Claim> queuedTasks() {
        List<Claim> all = new ArrayList<>(2);
        if (firstQueued != null) {
            all.add(firstQueued);
        }
        if (moreQueued != null) {
            all.addAll(moreQueued);
        }
        return all;
    }

    /** Whether a task is queued and not yet polled (the caller holds this object's monitor). */
    private boolean hasQueued() {
        return firstQueued != null || (moreQueued != null && !moreQueued.isEmpty());
    }

    /** Takes the oldest queued task off the queue, or null. */
    private Claim pollQueued() {
        Claim t = firstQueued;
        if (t != null) {
            firstQueued = null;
            return t;
        }
        return moreQueued == null ? null : moreQueued.poll();
    }

    /** Cancels, now, the statements the chain's driver futures are running or would run. */
    /**
     * Hands this chain's deferred tasks to workers now: a caller about to block in {@code get} or
     * {@code join} (which, unlike {@code await}, does not run them itself) must not wait for the
     * dispatcher's sweep.
     */
    public void expedite() {
        List<Claim> q;
        List<Lineage> c;
        synchronized (this) {
            if (!hasQueued() && (children == null || children.isEmpty())) {
                return;
            }
            q = queuedTasks();
            c = children();
        }
        for (Claim t : q) {
            t.dispatch();
        }
        for (Lineage child : c) {
            child.expedite();
        }
    }

    public void cancel() {
        List<CompletableFuture<?>> r;
        List<Lineage> c;
        synchronized (this) {
            r = roots();
            c = children();
        }
        for (CompletableFuture<?> f : r) {
            f.cancel(true);
        }
        for (Lineage child : c) {
            child.cancel();
        }
    }

    /** A queued task of this chain (or of a child) that nobody has started, for the caller to run; or null. */
    public Claim claimQueued() {
        List<Lineage> c;
        synchronized (this) {
            Claim t;
            while ((t = pollQueued()) != null) {
                if (!t.isTaken()) {
                    return t;
                }
            }
            if (children == null || children.isEmpty()) {
                return null;
            }
            c = new ArrayList<>(children);
        }
        for (Lineage child : c) {
            Claim t = child.claimQueued();
            if (t != null) {
                return t;
            }
        }
        return null;
    }

    /** Wakes the threads waiting on this chain or on any chain that adopted it. */
    public void signal() {
        Lineage l = this;
        while (l != null) {
            Lineage next;
            synchronized (l) {
                l.progress++;
                l.notifyAll();
                next = l.parent;
            }
            l = next;
        }
    }

    /** The progress count, to pass to {@link #awaitProgress} after looking for work. */
    public synchronized long progress() {
        return progress;
    }

    /**
     * Waits until something happened since {@code seen} (work queued, a chain completed) or
     * {@code f} is done; at most {@code millis}, as a safety net only.
     */
    public synchronized void awaitProgress(CompletableFuture<?> f, long seen, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        while (progress == seen && !f.isDone()) {
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
                return;
            }
            wait(left);
        }
    }
}
