package io.oxyde.migrations;

import io.oxyde.annotation.Column;
import io.oxyde.annotation.Id;
import io.oxyde.annotation.Index;
import io.oxyde.Ref;
import io.oxyde.annotation.RenamedFrom;
import io.oxyde.annotation.Table;
import io.oxyde.chinook.Artist;
import jakarta.validation.constraints.Size;

/** Successive versions of one model (table {@code gadget}), each a step a project's models take. */
final class GadgetVersions {
    private GadgetVersions() {
    }

    /** The first version. */
    @Table("gadget")
    record V1(@Id Long id, @Size(max = 50) String name, int weight) {
    }

    /** Adds a NOT NULL column with a default (existing rows get it). */
    @Table("gadget")
    record V2(@Id Long id, @Size(max = 50) String name, int weight, @Column(sqlDefault = "7") int stock) {
    }

    /** Renames name to title, told by a hint. */
    @Table("gadget")
    record V3(@Id Long id, @RenamedFrom("name") @Size(max = 50) String title, int weight,
              @Column(sqlDefault = "7") int stock) {
    }

    /** Widens weight from INTEGER to BIGINT. */
    @Table("gadget")
    record V4(@Id Long id, @Size(max = 50) String title, long weight, @Column(sqlDefault = "7") int stock) {
    }

    /** Adds a unique index on title. */
    @Table(value = "gadget", indexes = @Index(columns = "title", unique = true))
    record V5(@Id Long id, @Size(max = 50) String title, long weight, @Column(sqlDefault = "7") int stock) {
    }

    /** Adds a nullable foreign key to artist. */
    @Table(value = "gadget", indexes = @Index(columns = "title", unique = true))
    record V6(@Id Long id, @Size(max = 50) String title, long weight, @Column(sqlDefault = "7") int stock,
              Ref<Artist> maker) {
    }

    /** Drops stock. */
    @Table(value = "gadget", indexes = @Index(columns = "title", unique = true))
    record V7(@Id Long id, @Size(max = 50) String title, long weight, Ref<Artist> maker) {
    }

    /** Renames weight to mass without a hint: a possible rename makeMigrations must not guess. */
    @Table(value = "gadget", indexes = @Index(columns = "title", unique = true))
    record V8(@Id Long id, @Size(max = 50) String title, long mass, Ref<Artist> maker) {
    }
}
