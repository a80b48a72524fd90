package io.oxyde.cli.shop2;

import io.oxyde.annotation.Column;
import io.oxyde.annotation.Id;

/** Version 2: email renamed to mail without a hint, so makemigrations must ask. */
public record Customer(@Id Long id, @Column(length = 80) String mail, String name) {
}
