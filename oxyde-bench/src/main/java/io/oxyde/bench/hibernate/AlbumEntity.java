package io.oxyde.bench.hibernate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.List;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;

/** The album entity; its tracks load with one extra query for all albums of a result ({@code SUBSELECT}), Hibernate's 1 + 1. */
@Entity
@Table(name = "album")
public class AlbumEntity {
    @Id
    private Long id;
    private String title;
    @Column(name = "artist_id")
    private Long artistId;
    @OneToMany(mappedBy = "album")
    @OrderBy("id")
    @Fetch(FetchMode.SUBSELECT)
    private List<TrackEntity> tracks;

    public Long getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public Long getArtistId() {
        return artistId;
    }

    public List<TrackEntity> getTracks() {
        return tracks;
    }
}
