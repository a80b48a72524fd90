package io.oxyde.examples.chinook;

import jakarta.validation.constraints.Size;

/**
 * A musical genre. The smallest possible model: a key and a nullable name.
 *
 * @param id   the primary key
 * @param name the genre's name
 */
public record Genre(Long id, @Size(max = 120) String name) {
}
