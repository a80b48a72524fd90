package io.oxyde.bench.variant;

import io.oxyde.bench.model.AlbumStats;
import io.oxyde.bench.model.Note;
import io.oxyde.bench.model.Track;
import io.oxyde.bench.setup.BenchTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.function.Supplier;

/**
 * {@link RawVariant} plus exactly what an async API must add: every operation is handed to a
 * bounded {@link ThreadPoolExecutor} sized to the pool and the caller joins the future. This is
 * the fair floor for Oxyde, whose API is async; the ratio raw_async / raw is the price of the hop.
 */
public final class RawAsyncVariant implements Variant {

    private final RawVariant raw;
    private final ThreadPoolExecutor executor;

    public RawAsyncVariant(BenchTarget target) {
        this.raw = new RawVariant(target);
        this.executor = Pools.workers("raw-async");
    }

    @Override
    public String name() {
        return "raw_async";
    }

    private <T> T hop(Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, executor).join();
    }

    @Override
    public Track byId(long id) {
        return hop(() -> raw.byId(id));
    }

    @Override
    public List<Track> range(long from, int n) {
        return hop(() -> raw.range(from, n));
    }

    @Override
    public List<Track> byIds(List<Long> ids) {
        return hop(() -> raw.byIds(ids));
    }

    @Override
    public List<Track> longest(int minMs, int limit) {
        return hop(() -> raw.longest(minMs, limit));
    }

    @Override
    public long countLonger(int minMs) {
        return hop(() -> raw.countLonger(minMs));
    }

    @Override
    public List<AlbumStats> statsPerAlbum(long maxAlbum) {
        return hop(() -> raw.statsPerAlbum(maxAlbum));
    }

    @Override
    public List<Track> rangeWithAlbum(long from, int n) {
        return hop(() -> raw.rangeWithAlbum(from, n));
    }

    @Override
    public List<?> albumsWithTracks(long from, int n) {
        return hop(() -> raw.albumsWithTracks(from, n));
    }

    @Override
    public long insertOne(Note note) {
        return hop(() -> raw.insertOne(note));
    }

    @Override
    public int bulkInsert(List<Note> notes) {
        return hop(() -> raw.bulkInsert(notes));
    }

    @Override
    public int updateOne(long id, int hits) {
        return hop(() -> raw.updateOne(id, hits));
    }

    @Override
    public int updateBucket(int bucket, int hits) {
        return hop(() -> raw.updateBucket(bucket, hits));
    }

    @Override
    public int insertThenDelete(Note note) {
        long id = hop(() -> raw.insertOne(note));
        return hop(() -> raw.delete(id));
    }

    @Override
    public List<Track> concurrentById(long[] ids) {
        List<CompletableFuture<Track>> futures = new ArrayList<>(ids.length);
        for (long id : ids) {
            futures.add(CompletableFuture.supplyAsync(() -> raw.byId(id), executor));
        }
        return ConcurrentReads.join(futures, CompletableFuture::join);
    }

    @Override
    public void close() {
        executor.shutdownNow();
        raw.close();
    }
}
