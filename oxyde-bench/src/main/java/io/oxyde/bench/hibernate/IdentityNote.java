package io.oxyde.bench.hibernate;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A note keyed by the database's identity ({@code INTEGER PRIMARY KEY} on SQLite). */
@Entity
@Table(name = "note")
public class IdentityNote extends NoteBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    protected IdentityNote() {
    }

    public IdentityNote(String title, int score) {
        super(title, score);
    }

    @Override
    public Long getId() {
        return id;
    }
}
