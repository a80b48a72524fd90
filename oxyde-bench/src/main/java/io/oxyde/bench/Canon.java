package io.oxyde.bench;

import io.oxyde.Ref;
import io.oxyde.bench.hibernate.AlbumEntity;
import io.oxyde.bench.hibernate.TrackEntity;
import io.oxyde.bench.model.Album;
import io.oxyde.bench.model.AlbumStats;
import io.oxyde.bench.model.Track;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.Hibernate;

/**
 * A library-neutral form of an operation's result, so the quick check can assert that every
 * variant returned the same data: tracks and albums (Oxyde records or Hibernate entities) become
 * strings of their column values, with the album or the tracks included only when the operation
 * loaded them; numbers become longs; lists stay lists.
 */
public final class Canon {

    private Canon() {
    }

    public static Object of(Object result) {
        return of(result, true);
    }

    /** {@code withAlbum} is false for the tracks of an album, whose album is the one being described. */
    private static Object of(Object result, boolean withAlbum) {
        if (result instanceof List) {
            List<Object> out = new ArrayList<>();
            for (Object o : (List<?>) result) {
                out.add(of(o, withAlbum));
            }
            return out;
        }
        if (result instanceof Track) {
            Track t = (Track) result;
            Ref<Album> album = t.album();
            String a = withAlbum && album != null && album.isLoaded() ? " " + of(album.get()) : "";
            return track(t.id(), t.name(), album == null ? null : ((Number) album.id()).longValue(), t.composer(),
                    t.milliseconds(), t.bytes(), t.unitPriceCents()) + a;
        }
        if (result instanceof TrackEntity) {
            TrackEntity t = (TrackEntity) result;
            String a = withAlbum && t.getAlbum() != null && Hibernate.isInitialized(t.getAlbum()) ? " " + of(t.getAlbum()) : "";
            return track(t.getId(), t.getName(), t.getAlbumId(), t.getComposer(), t.getMilliseconds(), t.getBytes(),
                    t.getUnitPriceCents()) + a;
        }
        if (result instanceof Album) {
            Album a = (Album) result;
            return album(a.id(), a.title(), ((Number) a.artist().id()).longValue()) + (a.tracks() == null ? ""
                    : " " + of(a.tracks(), false));
        }
        if (result instanceof AlbumEntity) {
            AlbumEntity a = (AlbumEntity) result;
            return album(a.getId(), a.getTitle(), a.getArtistId()) + (Hibernate.isInitialized(a.getTracks())
                    ? " " + of(a.getTracks(), false) : "");
        }
        if (result instanceof AlbumStats) {
            return result.toString();
        }
        if (result instanceof Number) {
            return ((Number) result).longValue();
        }
        return result;
    }

    private static String track(Long id, String name, Long album, String composer, int ms, Integer bytes, int price) {
        return "track(" + id + ", " + name + ", album " + album + ", " + composer + ", " + ms + " ms, " + bytes + " B, "
                + price + " c)";
    }

    private static String album(Long id, String title, Long artist) {
        return "album(" + id + ", " + title + ", artist " + artist + ")";
    }
}
