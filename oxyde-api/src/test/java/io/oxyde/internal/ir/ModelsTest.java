package io.oxyde.internal.ir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.oxyde.exception.MappingException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Models#with(Object, String, Object)}: the one-field copy that eager joins and
 * prefetches make per row (a method handle per record type and field) keeps every other
 * component, and refuses what the constructor would refuse with a {@link MappingException}.
 */
class ModelsTest {

    record Album(Long id, String title, int year, List<String> tags) {
    }

    record Checked(Long id, String name) {
        Checked {
            if (name != null && name.isBlank()) {
                throw new IllegalArgumentException("blank name");
            }
        }
    }

    static final class Mutable {
        Long id;
        String name;
    }

    @Test
    void aRecordCopyReplacesOneComponentAndKeepsTheOthers() {
        Album a = new Album(1L, "Let There Be Rock", 1977, List.of("x"));
        assertThat(Models.with(a, "title", "Powerage")).isEqualTo(new Album(1L, "Powerage", 1977, List.of("x")));
        assertThat(Models.with(a, "year", 1978)).isEqualTo(new Album(1L, "Let There Be Rock", 1978, List.of("x")));
        assertThat(Models.with(a, "tags", List.of())).isEqualTo(new Album(1L, "Let There Be Rock", 1977, List.of()));
        assertThat(Models.with(a, "title", null)).isEqualTo(new Album(1L, null, 1977, List.of("x")));
        assertThat(a.title()).isEqualTo("Let There Be Rock"); // the original is untouched
        // the same handle serves every later copy
        assertThat(Models.with(Models.with(a, "id", 2L), "id", 3L).id()).isEqualTo(3L);
    }

    @Test
    void whatTheRecordCannotHoldIsAMappingException() {
        Album a = new Album(1L, "t", 1977, List.of());
        assertThatThrownBy(() -> Models.with(a, "year", null)).isInstanceOf(MappingException.class)
                .hasMessageContaining("year").hasMessageContaining("Album");
        assertThatThrownBy(() -> Models.with(a, "title", 5)).isInstanceOf(MappingException.class)
                .hasMessageContaining("title");
        assertThatThrownBy(() -> Models.with(a, "nope", 5)).isInstanceOf(MappingException.class)
                .hasMessageContaining("no such field");
        assertThatThrownBy(() -> Models.with(new Checked(1L, "a"), "name", " ")).isInstanceOf(MappingException.class)
                .hasMessageContaining("blank name");
    }

    @Test
    void aClassIsChangedInPlace() {
        Mutable m = new Mutable();
        m.id = 1L;
        assertThat(Models.with(m, "name", "x")).isSameAs(m);
        assertThat(m.name).isEqualTo("x");
        assertThat(m.id).isEqualTo(1L);
    }
}
