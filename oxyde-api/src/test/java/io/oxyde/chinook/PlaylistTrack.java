package io.oxyde.chinook;

import io.oxyde.annotation.ForeignKey;
import io.oxyde.annotation.Id;
import io.oxyde.migrate.ReferentialAction;
import io.oxyde.Ref;
import io.oxyde.annotation.Table;
import io.oxyde.annotation.Unique;
import jakarta.validation.constraints.NotNull;

/**
 * The join model of playlists and tracks. Chinook's composite key (PlaylistId, TrackId) becomes a
 * surrogate id plus a unique constraint over both references.
 */
@Table(uniqueTogether = @Unique({"playlist", "track"}))
public record PlaylistTrack(@Id Long id,
                            @NotNull @ForeignKey(onDelete = ReferentialAction.CASCADE) Ref<Playlist> playlist,
                            @NotNull @ForeignKey(onDelete = ReferentialAction.CASCADE) Ref<Track> track) {
}
