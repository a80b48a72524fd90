package io.oxyde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.oxyde.chinook.Artist;
import org.junit.jupiter.api.Test;

class RefTest {

    @Test
    void idOnlyReference() {
        Ref<Artist> ref = Ref.id(5L);
        assertThat(ref.id()).isEqualTo(5L);
        assertThat(ref.isLoaded()).isFalse();
        assertThatThrownBy(ref::get)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Ref to a model with id 5 is not loaded: only its id is known; load it with join(...) or"
                        + " prefetch(...) on the query");
        assertThatThrownBy(Ref.id(Artist.class, 6L)::get).hasMessageStartingWith("Ref to Artist with id 6 is not loaded");
        assertThatThrownBy(() -> Ref.id(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void loadedReference() {
        Artist acdc = new Artist(1L, "AC/DC");
        Ref<Artist> ref = Ref.of(acdc);
        assertThat(ref.isLoaded()).isTrue();
        assertThat(ref.get()).isSameAs(acdc);
        assertThat(ref.id()).as("read from the model's key").isEqualTo(1L);
        assertThat(ref.toString()).isEqualTo("Ref<Artist>[" + acdc + "]");
    }

    @Test
    void equalityIsById() {
        assertThat(Ref.id(1L)).isEqualTo(Ref.of(new Artist(1L, "AC/DC"))).hasSameHashCodeAs(Ref.id(1L));
        assertThat(Ref.id(1L)).isNotEqualTo(Ref.id(2L));
        Ref<Artist> unsaved = Ref.of(new Artist(null, "New"));
        assertThat(unsaved.id()).isNull();
        assertThat(unsaved).isEqualTo(unsaved).isNotEqualTo(Ref.of(new Artist(null, "New")));
    }
}
