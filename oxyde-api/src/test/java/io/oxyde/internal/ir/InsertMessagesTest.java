package io.oxyde.internal.ir;

import static org.assertj.core.api.Assertions.assertThat;

import io.oxyde.codec.InsertIr;
import io.oxyde.codec.IrCodec;
import io.oxyde.codec.ShapeKey;
import io.oxyde.codec.Value;
import io.oxyde.codec.WireQuery;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Bulk inserts keep their shapes keyed by their cells' kinds: the message must be byte for byte
 * the one the generic encoder writes, whatever the values, NULLs and kinds.
 */
class InsertMessagesTest {

    private static InsertIr insert(String table, int rows, int offset, boolean nullEveryThird) {
        List<List<Value>> out = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            Value title = nullEveryThird && i % 3 == 0 ? Value.Null.INSTANCE : Value.of("note " + (i + offset));
            out.add(List.of(title, Value.of(i + offset), Value.of(new BigDecimal("1." + i))));
        }
        return new InsertIr("Note", table, List.of("title", "score", "price"), out, List.of("id"), null);
    }

    @Test
    void aKeptShapeGivesTheGenericEncodersMessageForOtherValues() {
        InsertIr first = insert("note_a", 400, 0, false);
        InsertIr second = insert("note_a", 400, 7, false);
        assertThat(InsertMessages.encode(first)).isEqualTo(IrCodec.encode(first));
        int kept = InsertMessages.size();
        byte[] again = InsertMessages.encode(second);
        assertThat(again).isEqualTo(IrCodec.encode(second));
        assertThat(InsertMessages.size()).as("the second call found the first call's shape").isEqualTo(kept);
        WireQuery read = IrCodec.read(again);
        assertThat(read.values()).hasSize(1200);
        assertThat(read.values().get(3)).isEqualTo(Value.of("note 8"));
        assertThat(read.ir()).isEqualTo(second);
    }

    @Test
    void anotherNullPatternOrRowCountIsAnotherShape() {
        InsertIr plain = insert("note_b", 300, 0, false);
        InsertIr nulls = insert("note_b", 300, 0, true);
        InsertIr longer = insert("note_b", 301, 0, false);
        byte[] a = InsertMessages.encode(plain);
        byte[] b = InsertMessages.encode(nulls);
        byte[] c = InsertMessages.encode(longer);
        assertThat(b).isEqualTo(IrCodec.encode(nulls));
        assertThat(c).isEqualTo(IrCodec.encode(longer));
        ShapeKey sa = IrCodec.read(a).shape();
        assertThat(IrCodec.read(b).shape()).isNotEqualTo(sa);
        assertThat(IrCodec.read(c).shape()).isNotEqualTo(sa);
        assertThat(IrCodec.read(b).ir()).isEqualTo(nulls);
    }

    @Test
    void anArrayCellIsEncodedWholeAndStillEqual() {
        List<List<Value>> rows = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            rows.add(List.of(Value.of("t" + i), new Value.Array(List.of(Value.of(i), Value.of(i + 1)))));
        }
        InsertIr ir = new InsertIr("Tagged", "tagged", List.of("title", "tags"), rows, List.of(), null);
        int kept = InsertMessages.size();
        assertThat(InsertMessages.encode(ir)).isEqualTo(IrCodec.encode(ir));
        assertThat(InsertMessages.size()).as("an array is structural: no kinds key describes it").isEqualTo(kept);
    }
}
