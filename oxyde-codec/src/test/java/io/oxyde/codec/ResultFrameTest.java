package io.oxyde.codec;

import static io.oxyde.codec.Wire.list;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import io.oxyde.exception.ProtocolException;

class ResultFrameTest {

    @Test
    void rowSetsRoundTrip() {
        List<List<Value>> data = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            data.add(List.of(Value.of(i), Value.of("name" + i), i % 3 == 0 ? Value.nullValue()
                    : new Value.Decimal(BigDecimal.valueOf(i, 2))));
        }
        RowSet rows = new RowSet(List.of("id", "name", "price"), data);
        assertThat(IrCodec.decodeResult(IrCodec.encodeResult(rows))).isEqualTo(rows);
        RowSet empty = new RowSet(List.of("id"), List.of());
        assertThat(IrCodec.decodeResult(IrCodec.encodeResult(empty))).isEqualTo(empty);
        RowSet none = new RowSet(List.of(), List.of());
        assertThat(IrCodec.decodeResult(IrCodec.encodeResult(none))).isEqualTo(none);
    }

    @Test
    void mutationResultsRoundTrip() {
        MutationResult m = new MutationResult(3, List.of(Value.of(7), Value.of(8), Value.of(9)),
                new RowSet(List.of("id", "created"), List.of(List.of(Value.of(7), Value.of("x")))));
        assertThat(IrCodec.decodeResult(IrCodec.encodeResult(m))).isEqualTo(m);
        MutationResult bare = new MutationResult(0, List.of(), new RowSet(List.of(), List.of()));
        assertThat(IrCodec.decodeResult(IrCodec.encodeResult(bare))).isEqualTo(bare);
    }

    @Test
    void frameLayoutIsColumnar() {
        RowSet rows = new RowSet(List.of("a"), List.of(List.of(Value.of(1)), List.of(Value.of(2))));
        assertThat(IrCodec.encodeResult(rows)).isEqualTo(Wire.pack(list(1, "rows", list("a"), list(list(1), list(2)))));
        MutationResult m = new MutationResult(2, List.of(Value.of(5)), new RowSet(List.of(), List.of()));
        assertThat(IrCodec.encodeResult(m)).isEqualTo(Wire.pack(list(1, "mutation", 2, list(5), list(), list())));
    }

    private static void assertRejected(byte[] bytes, String message) {
        assertThatThrownBy(() -> IrCodec.decodeResult(bytes)).isInstanceOf(ProtocolException.class).hasMessage(message);
    }

    @Test
    void invalidFramesAreRejected() {
        assertRejected(Wire.pack(list(9, "rows", list(), list())), "proto: unsupported protocol version 9; supported versions: 1");
        assertRejected(Wire.pack(list(1, "table", list(), list())), "kind: unknown result frame kind \"table\"");
        assertRejected(Wire.pack(list(1, "rows", list("a", "b"), list(list(1)))), "rows[0]: row has 1 values for 2 columns");
        assertRejected(Wire.pack(list(1, "rows", list("a"))), "message: a rows frame is [proto, \"rows\", [names], [rows]], found an array of 3");
        assertRejected(Wire.pack(list(1, "mutation", -1, list(), list(), list())), "affected: must not be negative, found -1");
        assertRejected(Wire.pack(list(1, "rows", list(7), list())), "columns[0]: expected a string but found an integer");
        assertRejected(Wire.pack(list(1, "rows", list("a"), list(list(Wire.param(0, ValueKind.INT))))),
                "rows[0][0]: a parameter slot cannot appear among values");
        byte[] ok = Wire.pack(list(1, "rows", list(), list()));
        assertRejected(java.util.Arrays.copyOf(ok, ok.length + 1), "message: 1 trailing bytes after the end of the message");
    }

    @Test
    void encodingRejectsParametersAndNegativeCounts() {
        RowSet withParam = new RowSet(List.of("a"), List.of(List.of(new Value.Param(0, ValueKind.INT))));
        assertThatThrownBy(() -> IrCodec.encodeResult(withParam)).isInstanceOf(ProtocolException.class)
                .hasMessage("rows[0][0]: a parameter slot is not a result value");
        MutationResult negative = new MutationResult(-1, List.of(), new RowSet(List.of(), List.of()));
        assertThatThrownBy(() -> IrCodec.encodeResult(negative)).isInstanceOf(ProtocolException.class)
                .hasMessage("affected: must not be negative, found -1");
    }
}
