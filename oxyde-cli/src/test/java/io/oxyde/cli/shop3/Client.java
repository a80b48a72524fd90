package io.oxyde.cli.shop3;

import io.oxyde.annotation.Column;
import io.oxyde.annotation.Id;

/** Version 3: table customer renamed to client (same columns) without a hint. */
public record Client(@Id Long id, @Column(length = 80) String email, String name) {
}
