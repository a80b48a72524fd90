package io.oxyde.cli.shop;

import io.oxyde.annotation.Column;
import io.oxyde.annotation.Id;

/** A test model: version 1 of the shop's customers. */
public record Customer(@Id Long id, @Column(length = 80) String email, String name) {
}
