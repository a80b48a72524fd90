package io.oxyde.it;

import io.oxyde.chinook.Album;
import io.oxyde.chinook.Artist;
import io.oxyde.chinook.Genre;
import io.oxyde.chinook.Track;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Expected results computed from the source JSON with Java streams, independently of the library. */
final class Expect {

    private Expect() {
    }

    static final List<Track> TRACKS = Chinook.DATA.rows(Track.class);
    static final List<Album> ALBUMS = Chinook.DATA.rows(Album.class);
    static final List<Artist> ARTISTS = Chinook.DATA.rows(Artist.class);
    static final List<Genre> GENRES = Chinook.DATA.rows(Genre.class);
    static final Map<Long, Album> ALBUM = ALBUMS.stream().collect(Collectors.toMap(Album::id, Function.identity()));
    static final Map<Long, Artist> ARTIST = ARTISTS.stream().collect(Collectors.toMap(Artist::id, Function.identity()));
    static final Map<Long, Genre> GENRE = GENRES.stream().collect(Collectors.toMap(Genre::id, Function.identity()));

    static String genreName(Track t) {
        return t.genre() == null ? null : GENRE.get((Long) t.genre().id()).name();
    }

    static Artist artistOf(Track t) {
        return ARTIST.get((Long) ALBUM.get((Long) t.album().id()).artist().id());
    }

    /** Sorted ids of the tracks matching a predicate. */
    static List<Long> trackIds(Predicate<Track> p) {
        return TRACKS.stream().filter(p).map(Track::id).sorted().toList();
    }

    static <T> List<Long> ids(List<T> models, Function<T, Long> id) {
        return models.stream().map(id).sorted().toList();
    }
}
