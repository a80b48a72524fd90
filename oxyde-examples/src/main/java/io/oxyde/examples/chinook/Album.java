package io.oxyde.examples.chinook;

import static io.oxyde.migrate.ReferentialAction.CASCADE;

import io.oxyde.annotation.ForeignKey;
import io.oxyde.Ref;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * An album by one artist. {@code Ref<Artist>} makes the column {@code artist_id}, a foreign key
 * that deletes the album with its artist; reading an album without {@code join("artist")} gives a
 * reference that knows only the key.
 *
 * @param id     the primary key
 * @param title  the album title (at most 160 characters, which is also the column length)
 * @param artist who made it
 */
public record Album(Long id,
                    @NotBlank @Size(max = 160) String title,
                    @NotNull @ForeignKey(onDelete = CASCADE) Ref<Artist> artist) {
}
