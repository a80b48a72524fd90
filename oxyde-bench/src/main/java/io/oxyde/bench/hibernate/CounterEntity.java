package io.oxyde.bench.hibernate;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The counter entity (updated with mutation queries). */
@Entity
@Table(name = "counter")
public class CounterEntity {
    @Id
    private Long id;
    private int bucket;
    private int hits;

    public Long getId() {
        return id;
    }

    public int getBucket() {
        return bucket;
    }

    public int getHits() {
        return hits;
    }
}
