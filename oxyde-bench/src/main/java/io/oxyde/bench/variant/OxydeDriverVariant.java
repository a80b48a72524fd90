package io.oxyde.bench.variant;

import io.oxyde.Ref;
import io.oxyde.bench.model.Album;
import io.oxyde.bench.model.AlbumStats;
import io.oxyde.bench.model.Note;
import io.oxyde.bench.model.Track;
import io.oxyde.bench.setup.BenchTarget;
import io.oxyde.codec.Aggregate;
import io.oxyde.codec.AggregateFunction;
import io.oxyde.codec.Assignment;
import io.oxyde.codec.ColumnRef;
import io.oxyde.codec.DeleteIr;
import io.oxyde.codec.Expr;
import io.oxyde.codec.FilterNode;
import io.oxyde.codec.InsertIr;
import io.oxyde.codec.Join;
import io.oxyde.codec.JoinKind;
import io.oxyde.codec.Lookup;
import io.oxyde.codec.MutationResult;
import io.oxyde.codec.OrderBy;
import io.oxyde.codec.QueryIr;
import io.oxyde.codec.RowSet;
import io.oxyde.codec.SelectIr;
import io.oxyde.codec.SelectMode;
import io.oxyde.codec.UpdateIr;
import io.oxyde.codec.Value;
import io.oxyde.driver.OxydeDriver;
import io.oxyde.driver.PoolSettings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The layer under the API: {@link OxydeDriver}'s typed path with a {@link QueryIr} built by hand
 * for each call and the {@link RowSet} read by index into the same records, each future joined.
 * The difference to {@code oxyde} is the API's own cost (query building, path resolution,
 * model mapping); the difference to {@code raw_async} is the driver's (render-plan lookup,
 * value binding and reading, result frames).
 */
public final class OxydeDriverVariant implements Variant {

    private static final AtomicInteger POOLS = new AtomicInteger();
    private static final List<String> TRACK = List.of("id", "name", "album_id", "composer", "milliseconds", "bytes",
            "unit_price_cents");
    private static final List<String> ALBUM = List.of("id", "title", "artist_id");

    private final OxydeDriver driver = OxydeDriver.global();
    private final String pool;

    public OxydeDriverVariant(BenchTarget target) {
        this.pool = "bench_driver_" + POOLS.incrementAndGet();
        driver.pools().init(pool, target.oxydeUrl(), PoolSettings.builder().maxConnections(BenchTarget.POOL_SIZE)
                .minConnections(BenchTarget.POOL_SIZE).build());
    }

    @Override
    public String name() {
        return "oxyde_driver";
    }

    private static SelectIr.Builder select(String table, List<String> columns) {
        SelectIr.Builder b = SelectIr.from(table);
        for (String c : columns) {
            b.column(ColumnRef.of(c));
        }
        return b;
    }

    private CompletableFuture<RowSet> rows(QueryIr ir) {
        return driver.execute(pool, ir).thenApply(f -> (RowSet) f);
    }

    private MutationResult mutate(QueryIr ir) {
        return (MutationResult) driver.execute(pool, ir).join();
    }

    static long num(Value v) {
        if (v instanceof Value.Int) {
            return ((Value.Int) v).value();
        }
        if (v instanceof Value.Decimal) {
            return ((Value.Decimal) v).value().longValueExact();
        }
        if (v instanceof Value.Float) {
            return (long) ((Value.Float) v).value();
        }
        throw new IllegalStateException("not a number: " + v);
    }

    private static String text(Value v) {
        return v instanceof Value.Null ? null : ((Value.Text) v).value();
    }

    private static Track track(List<Value> r, Ref<Album> album) {
        Value bytes = r.get(5);
        return new Track(num(r.get(0)), text(r.get(1)), album, text(r.get(3)), (int) num(r.get(4)),
                bytes instanceof Value.Null ? null : (int) num(bytes), (int) num(r.get(6)));
    }

    private static Track track(List<Value> r) {
        return track(r, r.get(2) instanceof Value.Null ? null : Ref.id(num(r.get(2))));
    }

    private static List<Track> tracks(RowSet rs) {
        List<Track> out = new ArrayList<>(rs.rows().size());
        for (List<Value> r : rs.rows()) {
            out.add(track(r));
        }
        return out;
    }

    private static FilterNode idRange(long from, int n) {
        return FilterNode.and(FilterNode.condition("id", Lookup.GTE, Value.of(from)),
                FilterNode.condition("id", Lookup.LT, Value.of(from + n)));
    }

    private CompletableFuture<Track> byIdAsync(long id) {
        return rows(select("track", TRACK).filter(FilterNode.condition("id", Lookup.EQ, Value.of(id))).build())
                .thenApply(rs -> rs.rows().isEmpty() ? null : track(rs.rows().get(0)));
    }

    @Override
    public Track byId(long id) {
        return byIdAsync(id).join();
    }

    @Override
    public List<Track> range(long from, int n) {
        return tracks(rows(select("track", TRACK).filter(idRange(from, n)).orderBy(OrderBy.asc("id")).build()).join());
    }

    @Override
    public List<Track> byIds(List<Long> ids) {
        List<Value> values = new ArrayList<>(ids.size());
        for (Long id : ids) {
            values.add(Value.of(id.longValue()));
        }
        return tracks(rows(select("track", TRACK).filter(FilterNode.condition("id", Lookup.IN, new Value.Array(values)))
                .orderBy(OrderBy.asc("id")).build()).join());
    }

    @Override
    public List<Track> longest(int minMs, int limit) {
        return tracks(rows(select("track", TRACK).filter(FilterNode.condition("milliseconds", Lookup.GTE, Value.of(minMs)))
                .orderBy(OrderBy.desc("milliseconds")).orderBy(OrderBy.asc("id")).limit((long) limit).build()).join());
    }

    @Override
    public long countLonger(int minMs) {
        RowSet rs = rows(SelectIr.from("track").filter(FilterNode.condition("milliseconds", Lookup.GTE, Value.of(minMs)))
                .mode(SelectMode.COUNT).build()).join();
        return num(rs.rows().get(0).get(0));
    }

    @Override
    public List<AlbumStats> statsPerAlbum(long maxAlbum) {
        RowSet rs = rows(select("track", List.of("album_id"))
                .aggregate(new Aggregate(AggregateFunction.COUNT, null, false, "n"))
                .aggregate(new Aggregate(AggregateFunction.SUM, ColumnRef.of("milliseconds"), false, "total"))
                .filter(FilterNode.condition("album_id", Lookup.LTE, Value.of(maxAlbum)))
                .groupBy(ColumnRef.of("album_id")).orderBy(OrderBy.asc("album_id")).build()).join();
        List<AlbumStats> out = new ArrayList<>(rs.rows().size());
        for (List<Value> r : rs.rows()) {
            out.add(new AlbumStats(num(r.get(0)), num(r.get(1)), num(r.get(2))));
        }
        return out;
    }

    @Override
    public List<Track> rangeWithAlbum(long from, int n) {
        RowSet rs = rows(select("track", TRACK)
                .join(new Join("album", "album", JoinKind.LEFT, ColumnRef.of("album_id"), "id", ALBUM))
                .filter(idRange(from, n)).orderBy(OrderBy.asc("id")).build()).join();
        List<Track> out = new ArrayList<>(rs.rows().size());
        for (List<Value> r : rs.rows()) {
            Ref<Album> album = r.get(7) instanceof Value.Null ? null
                    : Ref.of(new Album(num(r.get(7)), text(r.get(8)), Ref.id(num(r.get(9)))));
            out.add(track(r, album));
        }
        return out;
    }

    @Override
    public List<Album> albumsWithTracks(long from, int n) {
        RowSet heads = rows(select("album", ALBUM).filter(idRange(from, n)).orderBy(OrderBy.asc("id")).build()).join();
        List<Value> ids = new ArrayList<>(heads.rows().size());
        for (List<Value> r : heads.rows()) {
            ids.add(r.get(0));
        }
        Map<Long, List<Track>> byAlbum = new HashMap<>();
        if (!ids.isEmpty()) {
            RowSet rs = rows(select("track", TRACK).filter(FilterNode.condition("album_id", Lookup.IN, new Value.Array(ids)))
                    .orderBy(OrderBy.asc("album_id")).orderBy(OrderBy.asc("id")).build()).join();
            for (List<Value> r : rs.rows()) {
                byAlbum.computeIfAbsent(num(r.get(2)), k -> new ArrayList<>()).add(track(r));
            }
        }
        List<Album> out = new ArrayList<>(heads.rows().size());
        for (List<Value> r : heads.rows()) {
            long id = num(r.get(0));
            out.add(new Album(id, text(r.get(1)), Ref.id(num(r.get(2))), byAlbum.getOrDefault(id, List.of())));
        }
        return out;
    }

    private static InsertIr insert(List<Note> notes) {
        List<List<Value>> rows = new ArrayList<>(notes.size());
        for (Note n : notes) {
            rows.add(List.of(Value.of(n.title()), Value.of(n.score())));
        }
        return new InsertIr("Note", "note", List.of("title", "score"), rows, List.of("id"), null);
    }

    @Override
    public long insertOne(Note note) {
        MutationResult r = mutate(insert(List.of(note)));
        if (r.returned() != null && !r.returned().rows().isEmpty()) {
            return num(r.returned().rows().get(0).get(0));
        }
        return num(r.generatedKeys().get(0));
    }

    @Override
    public int bulkInsert(List<Note> notes) {
        return (int) mutate(insert(notes)).affected();
    }

    private int update(String column, long key, int hits) {
        return (int) mutate(new UpdateIr("Counter", "counter", List.of(new Assignment("hits", Expr.value(Value.of(hits)))),
                FilterNode.condition(column, Lookup.EQ, Value.of(key)), List.of())).affected();
    }

    @Override
    public int updateOne(long id, int hits) {
        return update("id", id, hits);
    }

    @Override
    public int updateBucket(int bucket, int hits) {
        return update("bucket", bucket, hits);
    }

    @Override
    public int insertThenDelete(Note note) {
        long id = insertOne(note);
        return (int) mutate(new DeleteIr("Note", "note", FilterNode.condition("id", Lookup.EQ, Value.of(id)), List.of()))
                .affected();
    }

    @Override
    public List<Track> concurrentById(long[] ids) {
        List<CompletableFuture<Track>> futures = new ArrayList<>(ids.length);
        for (long id : ids) {
            futures.add(byIdAsync(id));
        }
        return ConcurrentReads.join(futures, CompletableFuture::join);
    }

    @Override
    public void close() {
        driver.pools().close(pool);
    }
}
