package io.oxyde.bench.model;

import io.oxyde.annotation.Id;
import io.oxyde.annotation.Table;

/** A row to insert and delete: the write operations never touch the read data. */
@Table("note")
public record Note(@Id Long id, String title, int score) {
}
