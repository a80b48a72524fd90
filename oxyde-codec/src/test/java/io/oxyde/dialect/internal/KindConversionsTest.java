package io.oxyde.dialect.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.oxyde.codec.Value;
import io.oxyde.codec.ValueKind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class KindConversionsTest {

    @Test
    void textStorageFormatsBecomeTheirKinds() {
        assertThat(KindConversions.convert(Value.of("2024-02-29"), ValueKind.DATE))
                .isEqualTo(new Value.Date(LocalDate.of(2024, 2, 29)));
        assertThat(KindConversions.convert(Value.of("10:15:30.000000500"), ValueKind.TIME))
                .isEqualTo(new Value.Time(LocalTime.of(10, 15, 30, 500)));
        assertThat(KindConversions.convert(Value.of("2024-05-01 10:15:30"), ValueKind.DATE_TIME))
                .isEqualTo(new Value.DateTime(LocalDateTime.of(2024, 5, 1, 10, 15, 30)));
        assertThat(KindConversions.convert(Value.of("2024-05-01T10:15:30.000000000Z"), ValueKind.TIMESTAMP))
                .isEqualTo(new Value.Timestamp(OffsetDateTime.of(2024, 5, 1, 10, 15, 30, 0, ZoneOffset.UTC)));
        assertThat(KindConversions.convert(Value.of("12.50"), ValueKind.DECIMAL))
                .isEqualTo(new Value.Decimal(new BigDecimal("12.50")));
        UUID u = UUID.randomUUID();
        assertThat(KindConversions.convert(Value.of(u.toString()), ValueKind.UUID)).isEqualTo(new Value.Uuid(u));
        assertThat(KindConversions.convert(Value.of("{\"a\":1}"), ValueKind.JSON)).isEqualTo(new Value.Json("{\"a\":1}"));
    }

    @Test
    void numericAndMysqlFormats() {
        assertThat(KindConversions.convert(Value.of(1L), ValueKind.BOOL)).isEqualTo(Value.Bool.TRUE);
        assertThat(KindConversions.convert(Value.of(0L), ValueKind.BOOL)).isEqualTo(Value.Bool.FALSE);
        assertThat(KindConversions.convert(Value.of(7L), ValueKind.DECIMAL)).isEqualTo(new Value.Decimal(BigDecimal.valueOf(7)));
        assertThat(KindConversions.convert(Value.of(7L), ValueKind.FLOAT)).isEqualTo(new Value.Float(7.0));
        assertThat(KindConversions.convert(new Value.DateTime(LocalDateTime.of(2024, 1, 2, 3, 4, 5)), ValueKind.TIMESTAMP))
                .isEqualTo(new Value.Timestamp(OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC)));
    }

    @Test
    void nullsAndMatchingKindsPassThrough() {
        assertThat(KindConversions.convert(Value.Null.INSTANCE, ValueKind.DATE)).isSameAs(Value.Null.INSTANCE);
        Value text = Value.of("x");
        assertThat(KindConversions.convert(text, ValueKind.TEXT)).isSameAs(text);
        assertThat(KindConversions.convert(text, null)).isSameAs(text);
    }

    @Test
    void badValuesAreErrorsWithoutTheirContent() {
        assertThatThrownBy(() -> KindConversions.convert(Value.of("yesterday"), ValueKind.DATE))
                .hasMessageContaining("TEXT value of 9 characters").hasMessageContaining("DATE")
                .hasMessageNotContaining("yesterday");
        assertThatThrownBy(() -> KindConversions.convert(Value.of(2L), ValueKind.BOOL))
                .hasMessageContaining("neither 0 nor 1");
        assertThatThrownBy(() -> KindConversions.convert(Value.of("abc"), ValueKind.UUID))
                .hasMessageContaining("36 characters");
        assertThatThrownBy(() -> KindConversions.convert(new Value.Bytes(new byte[3]), ValueKind.DATE))
                .hasMessageContaining("cannot convert a BYTES value of 3 bytes to DATE");
    }
}
