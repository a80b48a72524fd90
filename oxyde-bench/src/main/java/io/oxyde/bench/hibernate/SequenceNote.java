package io.oxyde.bench.hibernate;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A note keyed by the pooled sequence {@code note_hib_seq} (PostgreSQL, MariaDB), so inserts batch. */
@Entity
@Table(name = "note")
public class SequenceNote extends NoteBase {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "note_hib")
    @SequenceGenerator(name = "note_hib", sequenceName = "note_hib_seq", allocationSize = 50)
    private Long id;

    protected SequenceNote() {
    }

    public SequenceNote(String title, int score) {
        super(title, score);
    }

    @Override
    public Long getId() {
        return id;
    }
}
