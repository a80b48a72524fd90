package io.oxyde.internal.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.oxyde.Ref;
import io.oxyde.annotation.Id;
import io.oxyde.codec.Value;
import io.oxyde.driver.ResultRow;
import io.oxyde.exception.MappingException;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A model row is read through the codecs' typed reads: columns of the kind a field holds go
 * straight into the model with no {@code Value} asked for, a column the row can only give as a
 * value (SQLite's text decimals) is converted from it, and the errors name field and value as
 * on the value road.
 */
class TypedReadsTest {

    record Owner(@Id Long id, String name) {
    }

    record Item(@Id Long id, String name, Ref<Owner> owner, int qty, Integer spare, double ratio, BigDecimal price,
                short small) {
    }

    /** A row of values whose typed reads answer CONVERT for the columns listed, counting value() calls. */
    private static final class CountingRow implements ResultRow {
        final ResultRow inner;
        final List<Integer> convertOnly;
        final List<Integer> valueCalls = new ArrayList<>();

        CountingRow(List<Integer> convertOnly, Value... cells) {
            this.inner = ResultRow.of(cells);
            this.convertOnly = convertOnly;
        }

        @Override
        public int size() {
            return inner.size();
        }

        @Override
        public Value value(int i) throws SQLException {
            valueCalls.add(i);
            return inner.value(i);
        }

        @Override
        public boolean isNull(int i) throws SQLException {
            return inner.isNull(i);
        }

        @Override
        public int readLong(int i) throws SQLException {
            return convertOnly.contains(i) ? CONVERT : inner.readLong(i);
        }

        @Override
        public int readDouble(int i) throws SQLException {
            return convertOnly.contains(i) ? CONVERT : inner.readDouble(i);
        }

        @Override
        public int readText(int i) throws SQLException {
            return convertOnly.contains(i) ? CONVERT : inner.readText(i);
        }

        @Override
        public int readDecimal(int i) throws SQLException {
            return convertOnly.contains(i) ? CONVERT : inner.readDecimal(i);
        }

        @Override
        public long longValue() {
            return inner.longValue();
        }

        @Override
        public double doubleValue() {
            return inner.doubleValue();
        }

        @Override
        public String textValue() {
            return inner.textValue();
        }

        @Override
        public BigDecimal decimalValue() {
            return inner.decimalValue();
        }
    }

    private static final List<String> COLUMNS = List.of("id", "name", "owner_id", "qty", "spare", "ratio", "price",
            "small");

    @Test
    void columnsOfTheFieldsKindAreReadWithoutAValue() throws SQLException {
        CountingRow row = new CountingRow(List.of(), Value.of(7L), Value.of("bolt"), Value.of(3L), Value.of(12L),
                Value.Null.INSTANCE, new Value.Float(0.5), new Value.Decimal(new BigDecimal("1.25")), Value.of(-4L));
        Item item = ModelMapper.of(Item.class).reader(COLUMNS).read(row);
        assertThat(item).isEqualTo(new Item(7L, "bolt", Ref.id(Owner.class, 3L), 12, null, 0.5,
                new BigDecimal("1.25"), (short) -4));
        assertThat(row.valueCalls).isEmpty();
    }

    @Test
    void aColumnTheRowCannotReadDirectlyIsConvertedFromItsValue() throws SQLException {
        // SQLite's decimal text, and an integer column holding text digits written by another program
        CountingRow row = new CountingRow(List.of(3, 6), Value.of(7L), Value.of("bolt"), Value.of(3L),
                Value.of("12"), Value.Null.INSTANCE, new Value.Float(0.5), Value.of("1.25"), Value.of(-4L));
        assertThatThrownBy(() -> ModelMapper.of(Item.class).reader(COLUMNS).read(row))
                .isInstanceOf(MappingException.class).hasMessageContaining("qty").hasMessageContaining("12");
        CountingRow decimalText = new CountingRow(List.of(6), Value.of(7L), Value.of("bolt"), Value.of(3L),
                Value.of(12L), Value.of(5L), new Value.Float(0.5), Value.of("1.25"), Value.of(-4L));
        Item item = ModelMapper.of(Item.class).reader(COLUMNS).read(decimalText);
        assertThat(item.price()).isEqualTo(new BigDecimal("1.25"));
        assertThat(item.spare()).isEqualTo(5);
        assertThat(decimalText.valueCalls).containsExactly(6);
    }

    @Test
    void aDirectReadThatDoesNotFitTheFieldIsRefusedNamingFieldAndValue() {
        CountingRow row = new CountingRow(List.of(), Value.of(7L), Value.of("bolt"), Value.of(3L),
                Value.of(1L << 40), Value.Null.INSTANCE, new Value.Float(0.5), new Value.Decimal(BigDecimal.ONE),
                Value.of(-4L));
        assertThatThrownBy(() -> ModelMapper.of(Item.class).reader(COLUMNS).read(row))
                .isInstanceOf(MappingException.class).hasMessageContaining("Item.qty")
                .hasMessageContaining("1099511627776").hasMessageContaining("overflows int");
        CountingRow nullPrimitive = new CountingRow(List.of(), Value.of(7L), Value.of("bolt"), Value.Null.INSTANCE,
                Value.Null.INSTANCE, Value.Null.INSTANCE, new Value.Float(0.5), new Value.Decimal(BigDecimal.ONE),
                Value.of(-4L));
        assertThatThrownBy(() -> ModelMapper.of(Item.class).reader(COLUMNS).read(nullPrimitive))
                .isInstanceOf(MappingException.class).hasMessageContaining("qty").hasMessageContaining("primitive");
    }
}
