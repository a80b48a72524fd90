package io.oxyde.bench.model;

/** One row of the group-by operation: tracks and total length per album. */
public record AlbumStats(long albumId, long tracks, long totalMilliseconds) {
}
