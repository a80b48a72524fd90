package io.oxyde.internal.ir;

import static org.assertj.core.api.Assertions.assertThat;

import io.oxyde.annotation.Column;
import io.oxyde.meta.FieldMeta;
import io.oxyde.annotation.Json;
import io.oxyde.meta.ModelMeta;
import io.oxyde.Ref;
import io.oxyde.annotation.Table;
import io.oxyde.codec.Value;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StoredAsSentTest {

    @Table("owner")
    record Owner(Long id) {
    }

    enum Mood { CALM }

    @Table("sample")
    record Sample(Long id, int count, Boolean flag, String name, @Column(length = 4) String code,
                  @Column(type = "TEXT") String body, BigDecimal price, double ratio, Instant at, UUID token,
                  Mood mood, @Json Map<String, Object> extra, Ref<Owner> owner) {
    }

    private static final ModelMeta<Sample> META = ModelMeta.of(Sample.class);

    private static boolean holds(String field, Value... column) {
        FieldMeta f = META.field(field).orElseThrow();
        return StoredAsSent.holds(f, 0, java.util.Arrays.stream(column).map(List::of).toList());
    }

    @Test
    void integersBooleansAndForeignKeysAreStoredAsSent() {
        assertThat(holds("id", Value.of(1L))).isTrue();
        assertThat(holds("count", Value.of(-3))).isTrue();
        assertThat(holds("flag", Value.of(true), Value.nullValue())).isTrue();
        assertThat(holds("owner", Value.of(7L), Value.nullValue())).isTrue();
    }

    @Test
    void stringsQualifyOnlyWhenTheyFitAndHoldPlainCharacters() {
        assertThat(holds("name", Value.of("Aa z"), Value.nullValue(), Value.of("x".repeat(255)))).isTrue();
        assertThat(holds("name", Value.of("x".repeat(256)))).isFalse();
        assertThat(holds("code", Value.of("abcd"))).isTrue();
        assertThat(holds("code", Value.of("abcd"), Value.of("abc  "))).as("excess trailing spaces").isFalse();
        assertThat(holds("name", Value.of("a\u0000b"))).isFalse();
        assertThat(holds("name", Value.of("smile \uD83D\uDE00"))).isFalse();
        assertThat(holds("name", Value.of("lone \uD800"))).isFalse();
    }

    @Test
    void everythingElseIsReadBack() {
        assertThat(holds("body", Value.of("declared type"))).isFalse();
        assertThat(holds("price", Value.of(new BigDecimal("1.5")))).isFalse();
        assertThat(holds("ratio", Value.of(0.1))).isFalse();
        assertThat(holds("at", Value.nullValue())).isFalse();
        assertThat(holds("token", Value.nullValue())).isFalse();
        assertThat(holds("mood", Value.of("CALM"))).isFalse();
        assertThat(holds("extra", Value.nullValue())).isFalse();
    }
}
