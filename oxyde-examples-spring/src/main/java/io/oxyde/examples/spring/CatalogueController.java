package io.oxyde.examples.spring;

import io.oxyde.Oxyde;
import io.oxyde.examples.chinook.Album;
import io.oxyde.examples.chinook.Artist;
import io.oxyde.examples.chinook.Genre;
import io.oxyde.examples.chinook.Track;
import io.oxyde.exception.NotFoundException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The HTTP side: each handler returns Oxyde's {@link CompletableFuture}, which Spring MVC
 * serves asynchronously (the request thread is released while the query runs on Oxyde's
 * executor). The models are mapped to small view records, so the JSON shape is the API's and
 * not the table's.
 */
@RestController
public class CatalogueController {

    /** An artist as JSON. */
    public record ArtistView(long id, String name) {
    }

    /** An album as JSON. */
    public record AlbumView(long id, String title) {
    }

    /** A track as JSON, with its genre's name (joined in the same query). */
    public record TrackView(long id, String name, String genre, int milliseconds, BigDecimal unitPrice) {
    }

    private final Oxyde db;

    /** Serves {@code db}, the starter's bean. */
    public CatalogueController(Oxyde db) {
        this.db = db;
    }

    /** {@code GET /artists/{id}}: one artist, 404 when there is none. */
    @GetMapping("/artists/{id}")
    public CompletableFuture<ArtistView> artist(@PathVariable long id) {
        return db.objects(Artist.class).get("id", id).thenApply(a -> new ArtistView(a.id(), a.name()));
    }

    /** {@code GET /artists/{id}/albums}: the artist's albums by id, 404 when there is no such artist. */
    @GetMapping("/artists/{id}/albums")
    public CompletableFuture<List<AlbumView>> albums(@PathVariable long id) {
        return db.objects(Artist.class).get("id", id)
                .thenCompose(artist -> db.objects(Album.class).filter("artist", artist.id()).orderBy("id").all())
                .thenApply(albums -> albums.stream().map(a -> new AlbumView(a.id(), a.title())).toList());
    }

    /** {@code GET /albums/{id}/tracks}: the album's tracks in order, with genre names. */
    @GetMapping("/albums/{id}/tracks")
    public CompletableFuture<List<TrackView>> tracks(@PathVariable long id) {
        return db.objects(Album.class).get("id", id)
                .thenCompose(album -> db.objects(Track.class).filter("album", album.id()).join("genre").orderBy("id").all())
                .thenApply(tracks -> tracks.stream().map(CatalogueController::view).toList());
    }

    /** {@code GET /genres/{name}/longest?limit=5}: the genre's longest tracks (1 to 100 of them). */
    @GetMapping("/genres/{name}/longest")
    public CompletableFuture<List<TrackView>> longest(@PathVariable String name, @RequestParam(defaultValue = "5") int limit) {
        if (limit < 1 || limit > 100) {
            throw new IllegalArgumentException("limit must be between 1 and 100, got " + limit);
        }
        return db.objects(Track.class).filter("genre__name", name).join("genre")
                .orderBy("-milliseconds", "id").limit(limit).all()
                .thenApply(tracks -> tracks.stream().map(CatalogueController::view).toList());
    }

    private static TrackView view(Track t) {
        Genre g = t.genre() == null ? null : t.genre().get();
        return new TrackView(t.id(), t.name(), g == null ? null : g.name(), t.milliseconds(), t.unitPrice());
    }

    /** Oxyde's {@link NotFoundException} (a {@code get} that found nothing) is a 404 with a JSON body. */
    @ExceptionHandler(NotFoundException.class)
    public ResponseEntity<Map<String, String>> notFound(NotFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "not found", "detail", e.getMessage()));
    }

    /** A bad parameter is a 400 with a JSON body. */
    @ExceptionHandler(IllegalArgumentException.class)
    public ResponseEntity<Map<String, String>> badRequest(IllegalArgumentException e) {
        return ResponseEntity.badRequest().body(Map.of("error", "bad request", "detail", e.getMessage()));
    }
}
