package io.oxyde.bench.hibernate;

import jakarta.persistence.MappedSuperclass;

/** The columns of a note, shared by the two key strategies. */
@MappedSuperclass
public abstract class NoteBase {
    private String title;
    private int score;

    protected NoteBase() {
    }

    protected NoteBase(String title, int score) {
        this.title = title;
        this.score = score;
    }

    /** The generated key. */
    public abstract Long getId();

    public String getTitle() {
        return title;
    }

    public int getScore() {
        return score;
    }
}
