package io.oxyde.bench.hibernate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** The track entity; the album is lazy (joined only when a query says {@code join fetch}), its key also mapped read-only. */
@Entity
@Table(name = "track")
public class TrackEntity {
    @Id
    private Long id;
    private String name;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "album_id")
    private AlbumEntity album;
    @Column(name = "album_id", insertable = false, updatable = false)
    private Long albumId;
    private String composer;
    private int milliseconds;
    private Integer bytes;
    @Column(name = "unit_price_cents")
    private int unitPriceCents;

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public AlbumEntity getAlbum() {
        return album;
    }

    public Long getAlbumId() {
        return albumId;
    }

    public String getComposer() {
        return composer;
    }

    public int getMilliseconds() {
        return milliseconds;
    }

    public Integer getBytes() {
        return bytes;
    }

    public int getUnitPriceCents() {
        return unitPriceCents;
    }
}
