package io.oxyde.chinook;

import jakarta.validation.constraints.Size;

/** A Chinook genre (primary key by convention: the field named id). */
public record Genre(Long id, @Size(max = 120) String name) {
}
