package io.oxyde.bench.model;

import io.oxyde.annotation.Id;
import io.oxyde.annotation.Table;

/** A Chinook artist; only the target of {@link Album#artist()}. */
@Table("artist")
public record Artist(@Id Long id, String name) {
}
