package io.oxyde.internal.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.oxyde.exception.MappingException;

import io.oxyde.annotation.Id;
import io.oxyde.Ref;
import io.oxyde.codec.Value;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ordinary classes are built through the no-arg constructor plus setters or direct field writes. */
class ClassModelMappingTest {

    abstract static class Entity {
        @Id
        private long id;
        Instant createdAt;

        long id() {
            return id;
        }
    }

    static class Note extends Entity {
        private String text;
        private final String author = String.valueOf("nobody"); // not a compile-time constant
        private Ref<Note> replyTo;
        Note parent;
        transient int reads = -1;

        public void setText(String text) {
            this.text = text.strip();
        }
    }

    @Test
    void classRoundTrip() {
        ModelMapper<Note> mapper = ModelMapper.of(Note.class);
        assertThat(mapper.meta().fields()).extracting("column")
                .containsExactly("id", "created_at", "text", "author", "reply_to_id", "parent_id");
        RowReader<Note> reader = mapper.reader(List.of("id", "created_at", "text", "author", "reply_to_id", "parent_id"));
        Note note = reader.read(List.of(Value.of(5L), Value.of("2024-05-01 10:00:00"), Value.of("  padded  "),
                Value.of("ann"), Value.of(4L), Value.of(3L)));
        assertThat(note.id()).isEqualTo(5L);
        assertThat(note.createdAt).isEqualTo(Instant.parse("2024-05-01T10:00:00Z"));
        assertThat(note.text).as("written through the public setter").isEqualTo("padded");
        assertThat(note.author).as("a final field without setter is written directly").isEqualTo("ann");
        assertThat(note.replyTo.id()).isEqualTo(4L);
        assertThat(note.parent.id()).as("stub holding only the key").isEqualTo(3L);
        assertThat(note.parent.text).isNull();
        assertThat(note.reads).as("transient fields are left to the constructor").isEqualTo(-1);

        assertThat(mapper.toValues(note)).containsExactly(Value.of(5L),
                new Value.Timestamp(Instant.parse("2024-05-01T10:00:00Z").atOffset(java.time.ZoneOffset.UTC)),
                Value.of("padded"), Value.of("ann"), Value.of(4L), Value.of(3L));
    }

    @Test
    void aFailingSetterIsReportedWithFieldAndColumn() {
        RowReader<Note> reader = ModelMapper.of(Note.class).partialReader(List.of("id", "text"));
        assertThatThrownBy(() -> reader.read(List.of(Value.of(1L), Value.nullValue())))
                .isInstanceOf(MappingException.class)
                .hasMessageStartingWith("cannot set Note.text (String) from column \"text\": java.lang.NullPointerException");
        assertThatThrownBy(() -> reader.read(List.of(Value.of("x"), Value.nullValue())))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("cannot read column \"id\" into Note.id (long)")
                .hasMessageContaining("a TEXT value cannot be read as long");
    }
}
