package io.oxyde.bench.variant;

import com.zaxxer.hikari.HikariDataSource;
import io.oxyde.Ref;
import io.oxyde.bench.model.Album;
import io.oxyde.bench.model.AlbumStats;
import io.oxyde.bench.model.Note;
import io.oxyde.bench.model.Track;
import io.oxyde.bench.setup.BenchTarget;
import io.oxyde.bench.setup.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadPoolExecutor;

/**
 * The floor: hand-written SQL over HikariCP, statements from a {@link StatementCache}, columns
 * read by index into the Oxyde model records. Bulk inserts are one JDBC batch in one
 * transaction, which with the URL settings is the best technique per database (pgjdbc rewrites
 * it into multi-row inserts, Connector/J into one multi-values statement, SQLite runs the
 * compiled statement once per row in one transaction). Keys come back with {@code RETURNING}
 * on SQLite (3.35+) and PostgreSQL; on MariaDB through Connector/J, which does not accept
 * {@code INSERT ... RETURNING} in {@code executeQuery}, from JDBC generated keys (carried in the
 * OK packet, no extra round trip).
 */
public final class RawVariant implements Variant {

    private final HikariDataSource ds;
    private final StatementCache cache = new StatementCache();
    private final ThreadPoolExecutor clientThreads;
    private final boolean generatedKeys;

    public RawVariant(BenchTarget target) {
        this.generatedKeys = target.database() == Database.MARIADB;
        this.ds = Pools.hikari(target, "raw");
        this.clientThreads = Pools.workers("raw-client");
    }

    @Override
    public String name() {
        return "raw";
    }

    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T with(Work<T> work) {
        try (Connection c = ds.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Track> tracks(PreparedStatement ps, int expected) throws SQLException {
        List<Track> out = new ArrayList<>(expected);
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(Sql.track(rs));
            }
        }
        return out;
    }

    @Override
    public Track byId(long id) {
        return with(c -> {
            PreparedStatement ps = cache.get(c, Sql.BY_ID);
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Sql.track(rs) : null;
            }
        });
    }

    @Override
    public List<Track> range(long from, int n) {
        return with(c -> {
            PreparedStatement ps = cache.get(c, Sql.RANGE);
            ps.setLong(1, from);
            ps.setLong(2, from + n);
            return tracks(ps, n);
        });
    }

    @Override
    public List<Track> byIds(List<Long> ids) {
        return with(c -> {
            PreparedStatement ps = cache.get(c, Sql.byIds(ids.size()));
            for (int i = 0; i < ids.size(); i++) {
                ps.setLong(i + 1, ids.get(i));
            }
            return tracks(ps, ids.size());
        });
    }

    @Override
    public List<Track> longest(int minMs, int limit) {
        return with(c -> {
            PreparedStatement ps = cache.get(c, Sql.LONGEST);
            ps.setInt(1, minMs);
            ps.setInt(2, limit);
            return tracks(ps, limit);
        });
    }

    @Override
    public long countLonger(int minMs) {
        return with(c -> {
            PreparedStatement ps = cache.get(c, Sql.COUNT);
            ps.setInt(1, minMs);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @Override
    public List<AlbumStats> statsPerAlbum(long maxAlbum) {
        return with(c -> {
            PreparedStatement ps = cache.get(c, Sql.STATS);
            ps.setLong(1, maxAlbum);
            List<AlbumStats> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new AlbumStats(rs.getLong(1), rs.getLong(2), rs.getLong(3)));
                }
            }
            return out;
        });
    }

    @Override
    public List<Track> rangeWithAlbum(long from, int n) {
        return with(c -> {
            PreparedStatement ps = cache.get(c, Sql.RANGE_WITH_ALBUM);
            ps.setLong(1, from);
            ps.setLong(2, from + n);
            List<Track> out = new ArrayList<>(n);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long albumId = rs.getLong(8);
                    Ref<Album> album = rs.wasNull() ? null
                            : Ref.of(new Album(albumId, rs.getString(9), Ref.id(rs.getLong(10))));
                    out.add(Sql.trackWith(rs, album));
                }
            }
            return out;
        });
    }

    @Override
    public List<Album> albumsWithTracks(long from, int n) {
        return with(c -> {
            PreparedStatement ps = cache.get(c, Sql.ALBUMS);
            ps.setLong(1, from);
            ps.setLong(2, from + n);
            List<Object[]> heads = new ArrayList<>(n);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    heads.add(new Object[] {rs.getLong(1), rs.getString(2), rs.getLong(3)});
                }
            }
            Map<Long, List<Track>> tracks = new HashMap<>();
            if (!heads.isEmpty()) {
                PreparedStatement pt = cache.get(c, Sql.tracksOfAlbums(heads.size()));
                for (int i = 0; i < heads.size(); i++) {
                    pt.setLong(i + 1, (Long) heads.get(i)[0]);
                }
                try (ResultSet rs = pt.executeQuery()) {
                    while (rs.next()) {
                        Track t = Sql.track(rs);
                        tracks.computeIfAbsent(rs.getLong(3), k -> new ArrayList<>()).add(t);
                    }
                }
            }
            List<Album> out = new ArrayList<>(heads.size());
            for (Object[] h : heads) {
                out.add(new Album((Long) h[0], (String) h[1], Ref.id(h[2]), tracks.getOrDefault((Long) h[0], List.of())));
            }
            return out;
        });
    }

    @Override
    public long insertOne(Note note) {
        return with(c -> insert(c, note));
    }

    private long insert(Connection c, Note note) throws SQLException {
        if (generatedKeys) {
            PreparedStatement ps = cache.get(c, Sql.INSERT_NOTE_BATCH, true);
            ps.setString(1, note.title());
            ps.setInt(2, note.score());
            ps.executeUpdate();
            try (ResultSet rs = ps.getGeneratedKeys()) {
                rs.next();
                return rs.getLong(1);
            }
        }
        PreparedStatement ps = cache.get(c, Sql.INSERT_NOTE);
        ps.setString(1, note.title());
        ps.setInt(2, note.score());
        try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    public int bulkInsert(List<Note> notes) {
        return with(c -> {
            c.setAutoCommit(false);
            try {
                PreparedStatement ps = cache.get(c, Sql.INSERT_NOTE_BATCH);
                for (Note n : notes) {
                    ps.setString(1, n.title());
                    ps.setInt(2, n.score());
                    ps.addBatch();
                }
                ps.executeBatch();
                c.commit();
                return notes.size();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        });
    }

    @Override
    public int updateOne(long id, int hits) {
        return with(c -> {
            PreparedStatement ps = cache.get(c, Sql.UPDATE_ONE);
            ps.setInt(1, hits);
            ps.setLong(2, id);
            return ps.executeUpdate();
        });
    }

    @Override
    public int updateBucket(int bucket, int hits) {
        return with(c -> {
            PreparedStatement ps = cache.get(c, Sql.UPDATE_BUCKET);
            ps.setInt(1, hits);
            ps.setInt(2, bucket);
            return ps.executeUpdate();
        });
    }

    @Override
    public int insertThenDelete(Note note) {
        return delete(insertOne(note));
    }

    /** Deletes one note by key (the second half of {@link #insertThenDelete}). */
    int delete(long id) {
        return with(c -> {
            PreparedStatement ps = cache.get(c, Sql.DELETE_NOTE);
            ps.setLong(1, id);
            return ps.executeUpdate();
        });
    }

    @Override
    public List<Track> concurrentById(long[] ids) {
        return ConcurrentReads.run(ids, clientThreads, this::byId);
    }

    @Override
    public void close() {
        clientThreads.shutdownNow();
        cache.close();
        ds.close();
    }
}
