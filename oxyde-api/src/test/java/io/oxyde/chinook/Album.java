package io.oxyde.chinook;

import static io.oxyde.migrate.ReferentialAction.CASCADE;

import io.oxyde.annotation.ForeignKey;
import io.oxyde.annotation.Id;
import io.oxyde.Ref;
import io.oxyde.annotation.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A Chinook album: the design's example model. */
@Table("album")
public record Album(@Id Long id,
                    @NotBlank @Size(max = 160) String title,
                    @NotNull @ForeignKey(onDelete = CASCADE) Ref<Artist> artist) {
}
