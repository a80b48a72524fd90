package io.oxyde.examples.chinook;

import io.oxyde.annotation.Column;
import io.oxyde.Ref;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/**
 * A track: the table most showcase queries start from. Three foreign keys ({@code album} and
 * {@code genre} nullable, {@code mediaType} required); {@code unitPrice} is a
 * {@code NUMERIC(10, 2)} derived from {@code @Digits} and indexed for price queries.
 *
 * @param id           the primary key
 * @param name         the track title
 * @param album        the album it is on, if any
 * @param mediaType    its file format
 * @param genre        its genre, if known
 * @param composer     who wrote it, if known
 * @param milliseconds its length
 * @param bytes        its file size, if known
 * @param unitPrice    its price
 */
public record Track(Long id,
                    @NotBlank @Size(max = 200) String name,
                    Ref<Album> album,
                    @NotNull Ref<MediaType> mediaType,
                    Ref<Genre> genre,
                    @Size(max = 220) String composer,
                    @PositiveOrZero int milliseconds,
                    Integer bytes,
                    @NotNull @PositiveOrZero @Digits(integer = 8, fraction = 2) @Column(index = true)
                    BigDecimal unitPrice) {
}
