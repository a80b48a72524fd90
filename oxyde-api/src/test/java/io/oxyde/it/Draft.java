package io.oxyde.it;

import io.oxyde.annotation.Column;
import io.oxyde.Ref;
import io.oxyde.chinook.Artist;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A class (not record) model with a Java default and a database default. */
public class Draft {

    private Long id;
    @NotBlank
    @Size(max = 40)
    private String title;
    @Size(max = 20)
    private String status = "draft";
    @Column(sqlDefault = "'unrated'")
    @Size(max = 20)
    private String rating;
    private Ref<Artist> artist;

    protected Draft() {
    }

    public Draft(String title, Ref<Artist> artist) {
        this.title = title;
        this.artist = artist;
    }

    public Long getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getStatus() {
        return status;
    }

    public String getRating() {
        return rating;
    }

    public Ref<Artist> getArtist() {
        return artist;
    }
}
