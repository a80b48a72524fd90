package io.oxyde.bench.variant;

import io.oxyde.bench.model.AlbumStats;
import io.oxyde.bench.model.Note;
import java.util.List;

/**
 * The operations of the suite, one method each, done by one library. Reads return the
 * library's own result objects (Oxyde models for raw JDBC, jOOQ and Oxyde; entities for
 * Hibernate), so the time includes building them; {@link io.oxyde.bench.Canon} turns either into
 * a comparable form for the correctness check. Every blocking or async detail of the library
 * stays inside: an async variant waits for its future before returning.
 */
public interface Variant extends AutoCloseable {

    /** The variant's name as in the JMH {@code variant} parameter. */
    String name();

    /** One track by primary key. */
    Object byId(long id);

    /** Tracks with {@code from <= id < from + n}, ordered by id (the "filter returning n rows" operations). */
    List<?> range(long from, int n);

    /** Tracks whose id is in the list, ordered by id. */
    List<?> byIds(List<Long> ids);

    /** The {@code limit} longest tracks of at least {@code minMs}, longest first, then by id. */
    List<?> longest(int minMs, int limit);

    /** Number of tracks of at least {@code minMs}. */
    long countLonger(int minMs);

    /** Tracks and total milliseconds per album for albums {@code <= maxAlbum}, by album. */
    List<AlbumStats> statsPerAlbum(long maxAlbum);

    /** Like {@link #range} with each track's album loaded in the same query (eager foreign key). */
    List<?> rangeWithAlbum(long from, int n);

    /** Albums {@code from <= id < from + n} with their tracks: one query for the albums, one for the tracks. */
    List<?> albumsWithTracks(long from, int n);

    /** Inserts one note and returns its generated key. */
    long insertOne(Note note);

    /** Inserts all notes in as few round trips as the library allows, in one transaction; returns rows inserted. */
    int bulkInsert(List<Note> notes);

    /** Sets one counter's hits; returns rows updated. */
    int updateOne(long id, int hits);

    /** Sets the hits of all counters in a bucket (10 rows); returns rows updated. */
    int updateBucket(int bucket, int hits);

    /** Inserts a note, then deletes it by key; returns rows deleted (1). */
    int insertThenDelete(Note note);

    /** Selects the tracks by primary key concurrently (all in flight at once), in the order of {@code ids}. */
    List<?> concurrentById(long[] ids);

    @Override
    void close();
}
