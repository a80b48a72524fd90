package io.oxyde.bench.variant;

import io.oxyde.Ref;
import io.oxyde.bench.model.Album;
import io.oxyde.bench.model.Track;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The SQL of the raw variant (the same on all three databases) and its row readers, by column index. */
final class Sql {

    private Sql() {
    }

    static final String TRACK_COLS = "t.id, t.name, t.album_id, t.composer, t.milliseconds, t.bytes, t.unit_price_cents";
    static final String BY_ID = "SELECT " + TRACK_COLS + " FROM track t WHERE t.id = ?";
    static final String RANGE = "SELECT " + TRACK_COLS + " FROM track t WHERE t.id >= ? AND t.id < ? ORDER BY t.id";
    static final String LONGEST = "SELECT " + TRACK_COLS
            + " FROM track t WHERE t.milliseconds >= ? ORDER BY t.milliseconds DESC, t.id LIMIT ?";
    static final String COUNT = "SELECT COUNT(*) FROM track t WHERE t.milliseconds >= ?";
    static final String STATS = "SELECT t.album_id, COUNT(*), SUM(t.milliseconds) FROM track t WHERE t.album_id <= ?"
            + " GROUP BY t.album_id ORDER BY t.album_id";
    static final String RANGE_WITH_ALBUM = "SELECT " + TRACK_COLS + ", a.id, a.title, a.artist_id FROM track t"
            + " LEFT JOIN album a ON a.id = t.album_id WHERE t.id >= ? AND t.id < ? ORDER BY t.id";
    static final String ALBUMS = "SELECT a.id, a.title, a.artist_id FROM album a WHERE a.id >= ? AND a.id < ? ORDER BY a.id";
    static final String INSERT_NOTE = "INSERT INTO note (title, score) VALUES (?, ?) RETURNING id";
    static final String INSERT_NOTE_BATCH = "INSERT INTO note (title, score) VALUES (?, ?)";
    static final String DELETE_NOTE = "DELETE FROM note WHERE id = ?";
    static final String UPDATE_ONE = "UPDATE counter SET hits = ? WHERE id = ?";
    static final String UPDATE_BUCKET = "UPDATE counter SET hits = ? WHERE bucket = ?";

    /** {@code SELECT ... WHERE id IN (?, ..., ?)} with n markers. */
    static String byIds(int n) {
        return "SELECT " + TRACK_COLS + " FROM track t WHERE t.id IN (" + markers(n) + ") ORDER BY t.id";
    }

    /** The tracks of n albums, by album then id. */
    static String tracksOfAlbums(int n) {
        return "SELECT " + TRACK_COLS + " FROM track t WHERE t.album_id IN (" + markers(n) + ") ORDER BY t.album_id, t.id";
    }

    private static String markers(int n) {
        StringBuilder sb = new StringBuilder(n * 3);
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "?" : ", ?");
        }
        return sb.toString();
    }

    /** A track from columns 1–7, its album as an unloaded reference. */
    static Track track(ResultSet rs) throws SQLException {
        long albumId = rs.getLong(3);
        Ref<Album> album = rs.wasNull() ? null : Ref.id(albumId);
        return trackWith(rs, album);
    }

    static Track trackWith(ResultSet rs, Ref<Album> album) throws SQLException {
        int bytes = rs.getInt(6);
        Integer b = rs.wasNull() ? null : bytes;
        return new Track(rs.getLong(1), rs.getString(2), album, rs.getString(4), rs.getInt(5), b, rs.getInt(7));
    }
}
