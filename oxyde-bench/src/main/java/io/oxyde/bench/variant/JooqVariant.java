package io.oxyde.bench.variant;

import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.table;

import com.zaxxer.hikari.HikariDataSource;
import io.oxyde.Ref;
import io.oxyde.bench.model.Album;
import io.oxyde.bench.model.AlbumStats;
import io.oxyde.bench.model.Note;
import io.oxyde.bench.model.Track;
import io.oxyde.bench.setup.BenchTarget;
import io.oxyde.bench.setup.Database;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadPoolExecutor;
import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record10;
import org.jooq.Record7;
import org.jooq.RecordMapper;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Tuned jOOQ (dialect MYSQL on MariaDB: the bench reaches MariaDB through MySQL Connector/J, as
 * Oxyde does, and jOOQ's MARIADB dialect renders {@code INSERT ... RETURNING}, which Connector/J
 * refuses in {@code executeQuery}; MYSQL fetches the key through JDBC generated keys instead): one {@link DSLContext} over a HikariCP pool like raw's, execute logging off, typed
 * fields (no code generation needed for six columns), typed {@link RecordMapper}s into the same
 * model records, bulk inserts as one {@code batch(...).bind(...)} in a transaction.
 */
public final class JooqVariant implements Variant {

    static final Table<?> TRACK = table(DSL.name("track")).as("t");
    static final Field<Long> T_ID = field(DSL.name("t", "id"), SQLDataType.BIGINT);
    static final Field<String> T_NAME = field(DSL.name("t", "name"), SQLDataType.VARCHAR);
    static final Field<Long> T_ALBUM = field(DSL.name("t", "album_id"), SQLDataType.BIGINT);
    static final Field<String> T_COMPOSER = field(DSL.name("t", "composer"), SQLDataType.VARCHAR);
    static final Field<Integer> T_MS = field(DSL.name("t", "milliseconds"), SQLDataType.INTEGER);
    static final Field<Integer> T_BYTES = field(DSL.name("t", "bytes"), SQLDataType.INTEGER);
    static final Field<Integer> T_PRICE = field(DSL.name("t", "unit_price_cents"), SQLDataType.INTEGER);
    static final Table<?> ALBUM = table(DSL.name("album")).as("a");
    static final Field<Long> A_ID = field(DSL.name("a", "id"), SQLDataType.BIGINT);
    static final Field<String> A_TITLE = field(DSL.name("a", "title"), SQLDataType.VARCHAR);
    static final Field<Long> A_ARTIST = field(DSL.name("a", "artist_id"), SQLDataType.BIGINT);
    static final JooqNoteTable NOTE = JooqNoteTable.NOTE;
    static final Field<Long> N_ID = NOTE.id;
    static final Field<String> N_TITLE = NOTE.title;
    static final Field<Integer> N_SCORE = NOTE.score;
    static final Table<?> COUNTER = table(DSL.name("counter"));
    static final Field<Long> C_ID = field(DSL.name("id"), SQLDataType.BIGINT);
    static final Field<Integer> C_BUCKET = field(DSL.name("bucket"), SQLDataType.INTEGER);
    static final Field<Integer> C_HITS = field(DSL.name("hits"), SQLDataType.INTEGER);

    static final RecordMapper<Record7<Long, String, Long, String, Integer, Integer, Integer>, Track> TRACK_MAPPER =
            r -> new Track(r.value1(), r.value2(), r.value3() == null ? null : Ref.id(r.value3()), r.value4(),
                    r.value5(), r.value6(), r.value7());

    private final HikariDataSource ds;
    private final DSLContext ctx;
    private final ThreadPoolExecutor clientThreads;

    public JooqVariant(BenchTarget target) {
        this.ds = Pools.hikari(target, "jooq");
        this.clientThreads = Pools.workers("jooq-client");
        Settings settings = new Settings().withExecuteLogging(false).withRenderSchema(false)
                .withRenderCatalog(false);
        this.ctx = DSL.using(ds, dialect(target.database()), settings);
    }

    static SQLDialect dialect(Database db) {
        return db == Database.SQLITE ? SQLDialect.SQLITE : db == Database.POSTGRES ? SQLDialect.POSTGRES
                : SQLDialect.MYSQL;
    }

    @Override
    public String name() {
        return "jooq";
    }

    private org.jooq.SelectJoinStep<Record7<Long, String, Long, String, Integer, Integer, Integer>> tracks() {
        return ctx.select(T_ID, T_NAME, T_ALBUM, T_COMPOSER, T_MS, T_BYTES, T_PRICE).from(TRACK);
    }

    @Override
    public Track byId(long id) {
        return tracks().where(T_ID.eq(id)).fetchOne(TRACK_MAPPER);
    }

    @Override
    public List<Track> range(long from, int n) {
        return tracks().where(T_ID.ge(from)).and(T_ID.lt(from + n)).orderBy(T_ID).fetch(TRACK_MAPPER);
    }

    @Override
    public List<Track> byIds(List<Long> ids) {
        return tracks().where(T_ID.in(ids)).orderBy(T_ID).fetch(TRACK_MAPPER);
    }

    @Override
    public List<Track> longest(int minMs, int limit) {
        return tracks().where(T_MS.ge(minMs)).orderBy(T_MS.desc(), T_ID).limit(limit).fetch(TRACK_MAPPER);
    }

    @Override
    public long countLonger(int minMs) {
        return ctx.select(count()).from(TRACK).where(T_MS.ge(minMs)).fetchOne().value1();
    }

    @Override
    public List<AlbumStats> statsPerAlbum(long maxAlbum) {
        return ctx.select(T_ALBUM, count(), sum(T_MS)).from(TRACK).where(T_ALBUM.le(maxAlbum)).groupBy(T_ALBUM)
                .orderBy(T_ALBUM).fetch(r -> new AlbumStats(r.value1(), r.value2(), toLong(r.value3())));
    }

    private static long toLong(BigDecimal d) {
        return d == null ? 0 : d.longValueExact();
    }

    @Override
    public List<Track> rangeWithAlbum(long from, int n) {
        return ctx.select(T_ID, T_NAME, T_ALBUM, T_COMPOSER, T_MS, T_BYTES, T_PRICE, A_ID, A_TITLE, A_ARTIST)
                .from(TRACK).leftJoin(ALBUM).on(A_ID.eq(T_ALBUM))
                .where(T_ID.ge(from)).and(T_ID.lt(from + n)).orderBy(T_ID)
                .fetch((Record10<Long, String, Long, String, Integer, Integer, Integer, Long, String, Long> r) ->
                        new Track(r.value1(), r.value2(),
                                r.value8() == null ? null : Ref.of(new Album(r.value8(), r.value9(), Ref.id(r.value10()))),
                                r.value4(), r.value5(), r.value6(), r.value7()));
    }

    @Override
    public List<Album> albumsWithTracks(long from, int n) {
        List<Album> heads = ctx.select(A_ID, A_TITLE, A_ARTIST).from(ALBUM).where(A_ID.ge(from)).and(A_ID.lt(from + n))
                .orderBy(A_ID).fetch(r -> new Album(r.value1(), r.value2(), Ref.id(r.value3())));
        List<Long> ids = new ArrayList<>(heads.size());
        for (Album a : heads) {
            ids.add(a.id());
        }
        Map<Long, List<Track>> byAlbum = tracks().where(T_ALBUM.in(ids)).orderBy(T_ALBUM, T_ID)
                .fetchGroups(T_ALBUM, TRACK_MAPPER);
        List<Album> out = new ArrayList<>(heads.size());
        for (Album a : heads) {
            out.add(new Album(a.id(), a.title(), a.artist(), byAlbum.getOrDefault(a.id(), List.of())));
        }
        return out;
    }

    @Override
    public long insertOne(Note note) {
        return ctx.insertInto(NOTE, N_TITLE, N_SCORE).values(note.title(), note.score()).returningResult(N_ID)
                .fetchOne().value1();
    }

    @Override
    public int bulkInsert(List<Note> notes) {
        return ctx.transactionResult(cfg -> {
            BatchBindStep batch = DSL.using(cfg).batch(DSL.using(cfg).insertInto(NOTE, N_TITLE, N_SCORE)
                    .values((String) null, (Integer) null));
            for (Note n : notes) {
                batch.bind(n.title(), n.score());
            }
            batch.execute();
            return notes.size();
        });
    }

    @Override
    public int updateOne(long id, int hits) {
        return ctx.update(COUNTER).set(C_HITS, hits).where(C_ID.eq(id)).execute();
    }

    @Override
    public int updateBucket(int bucket, int hits) {
        return ctx.update(COUNTER).set(C_HITS, hits).where(C_BUCKET.eq(bucket)).execute();
    }

    @Override
    public int insertThenDelete(Note note) {
        long id = insertOne(note);
        return ctx.deleteFrom(NOTE).where(N_ID.eq(id)).execute();
    }

    @Override
    public List<Track> concurrentById(long[] ids) {
        return ConcurrentReads.run(ids, clientThreads, this::byId);
    }

    @Override
    public void close() {
        clientThreads.shutdownNow();
        ds.close();
    }
}
