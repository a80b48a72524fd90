package io.oxyde.bench.model;

import io.oxyde.annotation.Id;
import io.oxyde.annotation.Table;

/** A row to update: 1 000 counters in 100 buckets of 10, so "update by filter" touches 10 rows. */
@Table("counter")
public record Counter(@Id Long id, int bucket, int hits) {
}
