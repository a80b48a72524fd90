package io.oxyde.codec.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.oxyde.codec.FilterNode;
import io.oxyde.codec.IrCodec;
import io.oxyde.codec.Lookup;
import io.oxyde.codec.SelectIr;
import io.oxyde.codec.ShapeKey;
import io.oxyde.codec.Value;
import io.oxyde.codec.WireQuery;
import io.oxyde.exception.ProtocolException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The packer and the reader each thread keeps for messages ({@link KeptOutput},
 * {@link WireReader#ofMessage}) carry nothing from one message to the next: after a large
 * message, after a message that failed to read, and when a read is nested in another.
 */
class KeptCodersTest {

    private static SelectIr byKey(Value key) {
        return SelectIr.from("track").columns("id", "name").filter(FilterNode.condition("id", Lookup.EQ, key)).build();
    }

    private static byte[] message(SelectIr ir, List<Value> values) {
        ShapeKey shape = IrCodec.shapeOf(ir);
        return IrCodec.message(shape, values);
    }

    @Test
    void eachMessageIsTheGenericEncodersWhateverCameBefore() {
        char[] big = new char[200_000]; // grows the kept output beyond what a thread may keep
        Arrays.fill(big, 'x');
        Value large = Value.of(new String(big));
        for (Value v : List.of(Value.of(7L), large, Value.of("after"), Value.of(8L), large, Value.of(9L))) {
            SelectIr ir = byKey(v);
            byte[] bytes = message(ir, List.of(v));
            assertThat(bytes).isEqualTo(IrCodec.encode(ir));
            WireQuery read = IrCodec.read(bytes);
            assertThat(read.values()).containsExactly(v);
            assertThat(read.ir()).isEqualTo(ir);
        }
    }

    @Test
    void aMessageThatFailedToReadLeavesNothingBehind() {
        SelectIr ir = byKey(Value.of(42L));
        byte[] good = IrCodec.encode(ir);
        for (int cut = 1; cut < good.length; cut++) {
            byte[] truncated = Arrays.copyOf(good, cut);
            assertThatThrownBy(() -> IrCodec.read(truncated)).isInstanceOf(ProtocolException.class);
            WireQuery read = IrCodec.read(good);
            assertThat(read.values()).containsExactly(Value.of(42L));
            assertThat(read.ir()).isEqualTo(ir);
        }
        byte[] trailing = Arrays.copyOf(good, good.length + 1);
        assertThatThrownBy(() -> IrCodec.read(trailing)).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("trailing");
        assertThat(IrCodec.read(good).ir()).isEqualTo(ir);
    }

    @Test
    void aReadNestedInAnotherGetsItsOwnReader() {
        byte[] outer = IrCodec.encode(byKey(Value.of(1L)));
        byte[] inner = IrCodec.encode(byKey(Value.of("two")));
        WireReader first = WireReader.ofMessage(outer);
        try {
            WireReader second = WireReader.ofMessage(inner);
            assertThat(second).isNotSameAs(first);
            second.release();
            assertThat(IrCodec.read(inner).values()).containsExactly(Value.of("two"));
        } finally {
            first.release();
        }
        assertThat(WireReader.ofMessage(outer)).as("released, the kept reader is taken again").isSameAs(first);
        first.release();
    }

    @Test
    void theValuesOfAMessageCannotBeChanged() {
        SelectIr ir = SelectIr.from("track").columns("id").filter(FilterNode.and(
                FilterNode.condition("id", Lookup.GTE, Value.of(1L)),
                FilterNode.condition("id", Lookup.LT, Value.of(5L)))).build();
        List<Value> values = IrCodec.read(IrCodec.encode(ir)).values();
        assertThat(values).containsExactly(Value.of(1L), Value.of(5L));
        assertThatThrownBy(() -> values.set(0, Value.of(2L))).isInstanceOf(UnsupportedOperationException.class);
    }
}
