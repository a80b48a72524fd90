package io.oxyde.bench.variant;

import io.oxyde.expression.Count;
import io.oxyde.Oxyde;
import io.oxyde.expression.Sum;
import io.oxyde.bench.model.Album;
import io.oxyde.bench.model.AlbumStats;
import io.oxyde.bench.model.Counter;
import io.oxyde.bench.model.Note;
import io.oxyde.bench.model.Track;
import io.oxyde.bench.setup.BenchTarget;
import io.oxyde.driver.PoolSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Oxyde's public API ({@code io.oxyde}) as an application calls it: each future waited for with
 * {@link Oxyde#await}, the API's one blocking wait (not {@code join()}, so whatever {@code await}
 * does to spare the caller a wake-up is measured too). The pool has the same size and driver
 * settings as the others ({@link BenchTarget}).
 */
public final class OxydeVariant implements Variant {

    private static final AtomicInteger POOLS = new AtomicInteger();

    private final Oxyde db;

    public OxydeVariant(BenchTarget target) {
        PoolSettings settings = PoolSettings.builder().maxConnections(BenchTarget.POOL_SIZE)
                .minConnections(BenchTarget.POOL_SIZE).build();
        this.db = Oxyde.connect("bench_" + POOLS.incrementAndGet(), target.oxydeUrl(), settings);
    }

    @Override
    public String name() {
        return "oxyde";
    }

    @Override
    public Track byId(long id) {
        return Oxyde.await(db.objects(Track.class).get("id", id));
    }

    @Override
    public List<Track> range(long from, int n) {
        return Oxyde.await(db.objects(Track.class).filter("id__gte", from).filter("id__lt", from + n).orderBy("id").all());
    }

    @Override
    public List<Track> byIds(List<Long> ids) {
        return Oxyde.await(db.objects(Track.class).filter("id__in", ids).orderBy("id").all());
    }

    @Override
    public List<Track> longest(int minMs, int limit) {
        return Oxyde.await(db.objects(Track.class).filter("milliseconds__gte", minMs).orderBy("-milliseconds", "id")
                .limit(limit).all());
    }

    @Override
    public long countLonger(int minMs) {
        return Oxyde.await(db.objects(Track.class).filter("milliseconds__gte", minMs).count());
    }

    @Override
    public List<AlbumStats> statsPerAlbum(long maxAlbum) {
        List<Map<String, Object>> rows = Oxyde.await(db.objects(Track.class).filter("album__lte", maxAlbum)
                .values("album").annotate("n", Count.all()).annotate("total", Sum.of("milliseconds")).orderBy("album")
                .all());
        List<AlbumStats> out = new ArrayList<>(rows.size());
        for (Map<String, Object> r : rows) {
            out.add(new AlbumStats(((Number) r.get("album")).longValue(), ((Number) r.get("n")).longValue(),
                    ((Number) r.get("total")).longValue()));
        }
        return out;
    }

    @Override
    public List<Track> rangeWithAlbum(long from, int n) {
        return Oxyde.await(db.objects(Track.class).filter("id__gte", from).filter("id__lt", from + n).orderBy("id")
                .join("album").all());
    }

    @Override
    public List<Album> albumsWithTracks(long from, int n) {
        return Oxyde.await(db.objects(Album.class).filter("id__gte", from).filter("id__lt", from + n).orderBy("id")
                .prefetch("tracks").all());
    }

    @Override
    public long insertOne(Note note) {
        return Oxyde.await(db.objects(Note.class).create(note)).id();
    }

    @Override
    public int bulkInsert(List<Note> notes) {
        return Oxyde.await(db.objects(Note.class).bulkCreate(notes)).size();
    }

    @Override
    public int updateOne(long id, int hits) {
        return Oxyde.await(db.objects(Counter.class).filter("id", id).update(Map.of("hits", hits)));
    }

    @Override
    public int updateBucket(int bucket, int hits) {
        return Oxyde.await(db.objects(Counter.class).filter("bucket", bucket).update(Map.of("hits", hits)));
    }

    @Override
    public int insertThenDelete(Note note) {
        long id = insertOne(note);
        return Oxyde.await(db.objects(Note.class).filter("id", id).delete());
    }

    @Override
    public List<Track> concurrentById(long[] ids) {
        List<CompletableFuture<Track>> futures = new ArrayList<>(ids.length);
        for (long id : ids) {
            futures.add(db.objects(Track.class).get("id", id));
        }
        return ConcurrentReads.join(futures, Oxyde::await);
    }

    @Override
    public void close() {
        db.close();
    }
}
