package io.oxyde.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShapeKeyTest {

    private static SelectIr byAge(Value age, Value status) {
        return SelectIr.from("users").columns("id", "name")
                .filter(FilterNode.and(FilterNode.condition("age", Lookup.GTE, age),
                        FilterNode.condition("status", Lookup.EQ, status)))
                .limit(10L).build();
    }

    private static ShapeKey wireKey(QueryIr ir) {
        return IrCodec.read(IrCodec.encode(ir)).shape();
    }

    @Test
    void sameShapeDifferentValuesGivesEqualKeys() {
        ShapeKey a = wireKey(byAge(Value.of(18), Value.of("active")));
        ShapeKey b = wireKey(byAge(Value.of(65), Value.of("retired, with a much longer text value")));
        assertThat(a).isEqualTo(b);
        assertThat(a.hashCode()).isEqualTo(b.hashCode());
        assertThat(a.toByteArray()).isEqualTo(b.toByteArray());
    }

    @Test
    void nullnessKindAndInLengthChangeTheKey() {
        ShapeKey base = wireKey(byAge(Value.of(18), Value.of("active")));
        assertThat(wireKey(byAge(Value.of(18), Value.nullValue()))).isNotEqualTo(base);
        assertThat(wireKey(byAge(Value.of("18"), Value.of("active")))).isNotEqualTo(base);
        SelectIr in3 = SelectIr.from("t").filter(FilterNode.condition("id", Lookup.IN,
                Value.array(Value.of(1), Value.of(2), Value.of(3)))).build();
        SelectIr in4 = SelectIr.from("t").filter(FilterNode.condition("id", Lookup.IN,
                Value.array(Value.of(1), Value.of(2), Value.of(3), Value.of(4)))).build();
        SelectIr in3b = SelectIr.from("t").filter(FilterNode.condition("id", Lookup.IN,
                Value.array(Value.of(7), Value.of(8), Value.of(9)))).build();
        assertThat(wireKey(in3)).isNotEqualTo(wireKey(in4)).isEqualTo(wireKey(in3b));
    }

    @Test
    void structureChangesTheKey() {
        ShapeKey base = wireKey(byAge(Value.of(18), Value.of("active")));
        SelectIr otherLimit = byAge(Value.of(18), Value.of("active")).toBuilder().limit(11L).build();
        SelectIr otherTable = SelectIr.from("people").columns("id", "name")
                .filter(byAge(Value.of(1), Value.of("a")).filter()).limit(10L).build();
        assertThat(wireKey(otherLimit)).isNotEqualTo(base);
        assertThat(wireKey(otherTable)).isNotEqualTo(base);
    }

    @Test
    void aReceivedKeyViewsItsMessageAndItsCompactCopyIsEqualButHoldsOnlyTheShape() {
        byte[] message = IrCodec.encode(byAge(Value.of(18), Value.of("active")));
        ShapeKey view = IrCodec.read(message).shape();
        ShapeKey compact = view.compact();
        assertThat(compact).isEqualTo(view).isEqualTo(IrCodec.shapeOf(byAge(Value.of(1), Value.of("x"))));
        assertThat(compact.hashCode()).isEqualTo(view.hashCode());
        assertThat(compact.toByteArray()).isEqualTo(view.toByteArray());
        assertThat(compact.bytes()).hasSize(view.size()).isNotSameAs(message);
        assertThat(compact.compact()).isSameAs(compact);
        // a kept key does not change when the message array is reused for another message
        java.util.Arrays.fill(message, (byte) 0);
        assertThat(compact).isEqualTo(IrCodec.shapeOf(byAge(Value.of(1), Value.of("x"))));
    }

    @Test
    void shapeOfEqualsTheKeyOfTheEncodedQuery() {
        for (QueryIr ir : Examples.all()) {
            assertThat(IrCodec.shapeOf(ir)).as(ir.operation().wireName()).isEqualTo(wireKey(ir));
        }
    }

    @Test
    void keysWorkInHashMaps() {
        java.util.Map<ShapeKey, String> cache = new java.util.HashMap<>();
        cache.put(IrCodec.shapeOf(byAge(Value.of(1), Value.of("x"))), "sql");
        assertThat(cache.get(wireKey(byAge(Value.of(2), Value.of("y"))))).isEqualTo("sql");
        assertThat(IrCodec.shapeOf(byAge(Value.of(1), Value.of("x"))).toString()).startsWith("ShapeKey[");
        assertThat(IrCodec.shapeOf(Examples.raw()).size()).isGreaterThan(0);
        assertThat(List.of(IrCodec.shapeOf(Examples.raw()))).containsExactly(wireKey(Examples.raw()));
    }

    @Test
    void cachedTemplatesBindNewValues() {
        WireQuery first = IrCodec.read(IrCodec.encode(byAge(Value.of(18), Value.of("active"))));
        QueryIr cached = first.template();
        SelectIr second = byAge(Value.of(30), Value.of("x"));
        WireQuery next = IrCodec.read(IrCodec.encode(second));
        assertThat(next.shape()).isEqualTo(first.shape());
        assertThat(next.bindTo(cached)).isEqualTo(second);
    }
}
