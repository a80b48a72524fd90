package io.oxyde.bench.model;

import io.oxyde.annotation.Id;
import io.oxyde.Ref;
import io.oxyde.annotation.Table;

/**
 * A Chinook track, the row every read operation returns. The price is kept in integer cents
 * so that no variant pays for a dialect-specific decimal conversion (SQLite has no decimal type).
 */
@Table("track")
public record Track(@Id Long id, String name, Ref<Album> album, String composer, int milliseconds, Integer bytes,
                    int unitPriceCents) {
}
