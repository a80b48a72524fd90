package io.oxyde.chinook;

import static io.oxyde.ReferentialAction.CASCADE;

import io.oxyde.ForeignKey;
import io.oxyde.Id;
import io.oxyde.Ref;
import io.oxyde.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A Chinook album: the design's example model. */
@Table("album")
public record Album(@Id Long id,
                    @NotBlank @Size(max = 160) String title,
                    @NotNull @ForeignKey(onDelete = CASCADE) Ref<Artist> artist) {
}
