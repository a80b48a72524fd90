package io.oxyde.chinook;

import jakarta.validation.constraints.Size;

/** A Chinook media type; the table is media_type by convention. */
public record MediaType(Long id, @Size(max = 120) String name) {
}
