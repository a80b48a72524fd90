package io.oxyde.chinook;

import io.oxyde.annotation.Id;
import io.oxyde.annotation.OneToMany;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A Chinook artist; {@code albums} is the reverse side of {@link Album#artist()}, null until prefetched. */
public record Artist(@Id Long id,
                     @NotBlank @Size(max = 120) String name,
                     @OneToMany(mappedBy = "artist") List<Album> albums) {

    public Artist(Long id, String name) {
        this(id, name, null);
    }
}
