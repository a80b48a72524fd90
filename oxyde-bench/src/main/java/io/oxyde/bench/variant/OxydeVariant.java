package io.oxyde.bench.variant;

import io.oxyde.Count;
import io.oxyde.Oxyde;
import io.oxyde.Sum;
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
 * Oxyde's public API ({@code io.oxyde}), each future joined: what an application writes. The
 * pool has the same size and driver settings as the others ({@link BenchTarget}).
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
        return db.objects(Track.class).get("id", id).join();
    }

    @Override
    public List<Track> range(long from, int n) {
        return db.objects(Track.class).filter("id__gte", from).filter("id__lt", from + n).orderBy("id").all().join();
    }

    @Override
    public List<Track> byIds(List<Long> ids) {
        return db.objects(Track.class).filter("id__in", ids).orderBy("id").all().join();
    }

    @Override
    public List<Track> longest(int minMs, int limit) {
        return db.objects(Track.class).filter("milliseconds__gte", minMs).orderBy("-milliseconds", "id").limit(limit)
                .all().join();
    }

    @Override
    public long countLonger(int minMs) {
        return db.objects(Track.class).filter("milliseconds__gte", minMs).count().join();
    }

    @Override
    public List<AlbumStats> statsPerAlbum(long maxAlbum) {
        List<Map<String, Object>> rows = db.objects(Track.class).filter("album__lte", maxAlbum).values("album")
                .annotate("n", Count.all()).annotate("total", Sum.of("milliseconds")).orderBy("album").all().join();
        List<AlbumStats> out = new ArrayList<>(rows.size());
        for (Map<String, Object> r : rows) {
            out.add(new AlbumStats(((Number) r.get("album")).longValue(), ((Number) r.get("n")).longValue(),
                    ((Number) r.get("total")).longValue()));
        }
        return out;
    }

    @Override
    public List<Track> rangeWithAlbum(long from, int n) {
        return db.objects(Track.class).filter("id__gte", from).filter("id__lt", from + n).orderBy("id").join("album")
                .all().join();
    }

    @Override
    public List<Album> albumsWithTracks(long from, int n) {
        return db.objects(Album.class).filter("id__gte", from).filter("id__lt", from + n).orderBy("id")
                .prefetch("tracks").all().join();
    }

    @Override
    public long insertOne(Note note) {
        return db.objects(Note.class).create(note).join().id();
    }

    @Override
    public int bulkInsert(List<Note> notes) {
        return db.objects(Note.class).bulkCreate(notes).join().size();
    }

    @Override
    public int updateOne(long id, int hits) {
        return db.objects(Counter.class).filter("id", id).update(Map.of("hits", hits)).join();
    }

    @Override
    public int updateBucket(int bucket, int hits) {
        return db.objects(Counter.class).filter("bucket", bucket).update(Map.of("hits", hits)).join();
    }

    @Override
    public int insertThenDelete(Note note) {
        long id = insertOne(note);
        return db.objects(Note.class).filter("id", id).delete().join();
    }

    @Override
    public List<Track> concurrentById(long[] ids) {
        List<CompletableFuture<Track>> futures = new ArrayList<>(ids.length);
        for (long id : ids) {
            futures.add(db.objects(Track.class).get("id", id));
        }
        return ConcurrentReads.join(futures);
    }

    @Override
    public void close() {
        db.close();
    }
}
