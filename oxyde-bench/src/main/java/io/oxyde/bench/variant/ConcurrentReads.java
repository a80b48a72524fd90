package io.oxyde.bench.variant;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.LongFunction;

/** Runs blocking primary-key reads concurrently on worker threads and collects them in order. */
final class ConcurrentReads {

    private ConcurrentReads() {
    }

    static <T> List<T> run(long[] ids, Executor threads, LongFunction<T> read) {
        List<CompletableFuture<T>> futures = new ArrayList<>(ids.length);
        for (long id : ids) {
            futures.add(CompletableFuture.supplyAsync(() -> read.apply(id), threads));
        }
        return join(futures, CompletableFuture::join);
    }

    /** Waits for each future with {@code waiter} (the library's own way to wait), in order. */
    static <T> List<T> join(List<CompletableFuture<T>> futures, Function<CompletableFuture<T>, T> waiter) {
        List<T> out = new ArrayList<>(futures.size());
        for (CompletableFuture<T> f : futures) {
            out.add(waiter.apply(f));
        }
        return out;
    }
}
