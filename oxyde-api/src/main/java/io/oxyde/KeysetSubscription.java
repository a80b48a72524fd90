package io.oxyde;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The subscription behind {@link Query#publisher(int)}: reads the next keyset page only when
 * the buffer is empty and the subscriber has demand, and serialises all signals through a
 * work-in-progress counter (the usual drain loop), so {@code onNext} is never called
 * concurrently or re-entrantly.
 */
final class KeysetSubscription<T> implements Flow.Subscription {

    private final BiFunction<Object, Integer, CompletableFuture<List<T>>> pages;
    private final int batchSize;
    private final Function<T, Object> keyOf;
    private final Flow.Subscriber<? super T> subscriber;
    private final AtomicLong demand = new AtomicLong();
    private final AtomicInteger wip = new AtomicInteger();
    private final ArrayDeque<T> buffer = new ArrayDeque<>();
    private volatile boolean cancelled;
    private volatile List<T> arrived;
    private volatile Throwable failure;
    private boolean fetching;
    private boolean exhausted;
    private boolean terminated;
    private Object lastKey;

    /** @param keyOf the key of a model, which the next page starts after (a list of values for a composite key) */
    KeysetSubscription(BiFunction<Object, Integer, CompletableFuture<List<T>>> pages, int batchSize,
                       Function<T, Object> keyOf, Flow.Subscriber<? super T> subscriber) {
        this.pages = pages;
        this.batchSize = batchSize;
        this.keyOf = keyOf;
        this.subscriber = subscriber;
    }

    void start() {
        subscriber.onSubscribe(this);
    }

    @Override
    public void request(long n) {
        if (n <= 0) {
            failure = new IllegalArgumentException("request(" + n + "): demand must be positive (reactive streams rule 3.9)");
        } else {
            demand.accumulateAndGet(n, (a, b) -> a + b < 0 ? Long.MAX_VALUE : a + b);
        }
        drain();
    }

    @Override
    public void cancel() {
        cancelled = true;
    }

    private void drain() {
        if (wip.getAndIncrement() != 0) {
            return;
        }
        int missed = 1;
        do {
            step();
            missed = wip.addAndGet(-missed);
        } while (missed != 0);
    }

    private void step() {
        if (terminated || cancelled) {
            buffer.clear();
            return;
        }
        if (failure != null) {
            terminated = true;
            subscriber.onError(failure);
            return;
        }
        List<T> page = arrived;
        if (page != null) {
            arrived = null;
            fetching = false;
            buffer.addAll(page);
            exhausted = page.size() < batchSize;
            if (!page.isEmpty()) {
                lastKey = keyOf.apply(page.get(page.size() - 1));
            }
        }
        while (demand.get() > 0 && !buffer.isEmpty() && !cancelled) {
            demand.decrementAndGet();
            subscriber.onNext(buffer.poll());
        }
        if (buffer.isEmpty() && exhausted && !cancelled) {
            terminated = true;
            subscriber.onComplete();
            return;
        }
        if (buffer.isEmpty() && demand.get() > 0 && !fetching && !cancelled) {
            fetching = true;
            pages.apply(lastKey, batchSize).whenComplete((rows, error) -> {
                if (error != null) {
                    failure = Oxyde.unwrap(error);
                } else {
                    arrived = rows;
                }
                drain();
            });
        }
    }
}
