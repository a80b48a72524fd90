package io.oxyde.chinook;

import io.oxyde.annotation.Column;
import io.oxyde.annotation.Id;
import io.oxyde.Ref;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** A Chinook track. */
public record Track(@Id Long id,
                   @NotBlank @Size(max = 200) String name,
                   Ref<Album> album,
                   @NotNull Ref<MediaType> mediaType,
                   Ref<Genre> genre,
                   @Size(max = 220) String composer,
                   @PositiveOrZero int milliseconds,
                   Integer bytes,
                   @NotNull @PositiveOrZero @Digits(integer = 8, fraction = 2) @Column(index = true) BigDecimal unitPrice) {
}
