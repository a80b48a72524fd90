package io.oxyde.bench.model;

import io.oxyde.Id;
import io.oxyde.Table;

/** A row to insert and delete: the write operations never touch the read data. */
@Table("note")
public record Note(@Id Long id, String title, int score) {
}
