package io.oxyde.internal.mapping;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.oxyde.annotation.Json;
import io.oxyde.exception.MappingException;
import io.oxyde.Ref;
import io.oxyde.codec.Value;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A value that cannot be converted is an error naming model, field, column and value — never a null. */
class ConversionErrorsTest {

    enum Mood { HAPPY, SAD }

    @Json
    record Doc(int version) {
    }

    record Sample(Long id, Mood mood, int count, short small, boolean flag, LocalDate day, UUID key, Doc doc,
            Duration delay, Ref<Sample> parent) {
    }

    private static final List<String> COLUMNS = List.of("id", "mood", "count", "small", "flag", "day", "key", "doc",
            "delay", "parent_id");

    private final RowReader<Sample> reader = ModelMapper.of(Sample.class).reader(COLUMNS);

    private Sample readWith(int column, Value value) {
        Value[] row = {Value.of(1L), Value.of("HAPPY"), Value.of(2L), Value.of(3L), Value.Bool.TRUE,
            Value.of("2024-01-02"), Value.of("123e4567-e89b-12d3-a456-426614174000"), new Value.Json("{\"version\":1}"),
            Value.of(5L), Value.nullValue()};
        row[column] = value;
        return reader.read(List.of(row));
    }

    @Test
    void unknownEnumConstant() {
        assertThatThrownBy(() -> readWith(1, Value.of("ANGRY")))
                .isInstanceOf(MappingException.class)
                .hasMessage("cannot read column \"mood\" into Sample.mood (ConversionErrorsTest$Mood): the value"
                        + " Text[value=ANGRY] is invalid: \"ANGRY\" is not a constant of enum Mood (expected one of [HAPPY, SAD])");
    }

    @Test
    void integerOverflow() {
        assertThatThrownBy(() -> readWith(2, Value.of(3_000_000_000L)))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("column \"count\" into Sample.count (int)")
                .hasMessageContaining("the integer 3000000000 overflows int (range -2147483648..2147483647)");
        assertThatThrownBy(() -> readWith(3, Value.of(40_000L)))
                .hasMessageContaining("the integer 40000 overflows short");
        assertThatThrownBy(() -> readWith(2, new Value.Decimal(new java.math.BigDecimal("2.5"))))
                .hasMessageContaining("the decimal 2.5 is not an integer");
    }

    @Test
    void wrongKind() {
        assertThatThrownBy(() -> readWith(2, Value.of("two")))
                .isInstanceOf(MappingException.class)
                .hasMessage("cannot read column \"count\" into Sample.count (int): the value Text[value=two] is invalid:"
                        + " a TEXT value cannot be read as int");
        assertThatThrownBy(() -> readWith(4, Value.of(2L)))
                .hasMessageContaining("the integer 2 is not a boolean (expected 0 or 1)");
    }

    @Test
    void nullIntoAPrimitive() {
        assertThatThrownBy(() -> readWith(2, Value.nullValue()))
                .isInstanceOf(MappingException.class)
                .hasMessage("cannot read column \"count\" into Sample.count (int): the value is NULL but the field is a"
                        + " primitive int (use Integer for a nullable column)");
    }

    @Test
    void badTextRepresentations() {
        assertThatThrownBy(() -> readWith(5, Value.of("02/01/2024")))
                .hasMessageContaining("column \"day\"")
                .hasMessageContaining("the text \"02/01/2024\" is not an ISO-8601 date");
        assertThatThrownBy(() -> readWith(6, Value.of("not-a-uuid")))
                .hasMessageContaining("the text \"not-a-uuid\" is not a UUID");
        assertThatThrownBy(() -> readWith(7, new Value.Json("{\"version\":\"x\"}")))
                .hasMessageContaining("column \"doc\" into Sample.doc")
                .hasMessageContaining("cannot be read as");
        assertThatThrownBy(() -> readWith(9, Value.of("seven")))
                .hasMessageContaining("column \"parent_id\" into Sample.parent (Ref<ConversionErrorsTest$Sample>)")
                .hasMessageContaining("a TEXT value cannot be read as long");
    }

    @Test
    void shapeMismatches() {
        assertThatThrownBy(() -> ModelMapper.of(Sample.class).reader(List.of("id", "mood")))
                .isInstanceOf(MappingException.class)
                .hasMessage("cannot read Sample from columns [id, mood]: missing [count, small, flag, day, key, doc, delay,"
                        + " parent_id]");
        assertThatThrownBy(() -> reader.read(List.of(Value.of(1L))))
                .hasMessageContaining("a row of 1 values does not match the 10 columns");
    }

    @Test
    void writeErrors() {
        ModelMapper<Sample> mapper = ModelMapper.of(Sample.class);
        Sample wrongRef = new Sample(1L, Mood.SAD, 1, (short) 1, true, null, null, null, null, Ref.id("abc"));
        assertThatThrownBy(() -> mapper.toValues(wrongRef))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("cannot write Sample.parent (Ref<ConversionErrorsTest$Sample>) to column \"parent_id\":"
                        + " the value Ref<>[id=abc]");
        Sample hugeWait = new Sample(1L, Mood.SAD, 1, (short) 1, true, null, null, null, Duration.ofDays(365L * 1_000_000),
                null);
        assertThatThrownBy(() -> mapper.toValues(hugeWait))
                .hasMessageContaining("cannot write Sample.delay (Duration) to column \"delay\": the duration")
                .hasMessageContaining("does not fit a 64-bit count of microseconds");
        assertThatThrownBy(() -> mapper.toValue("count", "seven"))
                .hasMessageContaining("the value seven (java.lang.String) is not a int");
        assertThatThrownBy(() -> mapper.toValue("nope", 1))
                .hasMessage("Sample has no column field \"nope\" (fields: [id, mood, count, small, flag, day, key, doc, delay,"
                        + " parent])");
    }

    record Strict(Long id, String name) {
        Strict {
            if (name == null) {
                throw new IllegalArgumentException("name is required");
            }
        }
    }

    @Test
    void recordConstructorRejection() {
        assertThatThrownBy(() -> ModelMapper.of(Strict.class).reader(List.of("id", "name"))
                .read(List.of(Value.of(1L), Value.nullValue())))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("the constructor of record Strict rejected the row")
                .hasMessageContaining("name is required");
    }
}
