package io.oxyde.examples.chinook;

import jakarta.validation.constraints.Size;

/**
 * The file format of a track; the table is {@code media_type} by convention.
 *
 * @param id   the primary key
 * @param name the format's name
 */
public record MediaType(Long id, @Size(max = 120) String name) {
}
