package io.oxyde.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class IrCodecTest {

    @Test
    void everyExampleRoundTrips() {
        for (QueryIr ir : Examples.all()) {
            byte[] bytes = IrCodec.encode(ir);
            assertThat(IrCodec.decode(bytes)).as(ir.operation().wireName()).isEqualTo(ir);
            WireQuery wire = IrCodec.read(bytes);
            IrTemplate.Parameterized p = IrTemplate.parameterize(ir);
            assertThat(wire.values()).isEqualTo(p.values());
            assertThat(wire.template()).isEqualTo(p.template());
            assertThat(wire.ir()).isEqualTo(ir);
            assertThat(wire.shape()).isEqualTo(IrCodec.shapeOf(ir));
        }
    }

    /** The exact bytes annotated in docs/protocol.md, section 5: the wire format is pinned. */
    static final String SEED_HEX = "9301c4f787a474797065a673656c656374a57461626c65a57573657273a56d6f64656c"
            + "b16d796170702e6d6f64656c732e55736572a7636f6c756d6e7396a26964a46e616d65a5656d61696ca3616765"
            + "a6737461747573aa637265617465645f6174a666696c74657282a474797065a3616e64a86368696c6472656e92"
            + "84a474797065a9636f6e646974696f6ea56669656c64a3616765a26f70a3677465a576616c7565d61000000002"
            + "84a474797065a9636f6e646974696f6ea56669656c64a6737461747573a26f70a26571a576616c7565d6100000"
            + "0105a86f726465725f62799192aa637265617465645f6174a464657363a56c696d69740a9212a6616374697665";

    @Test
    void seedExampleEncodesToTheDocumentedBytes() {
        byte[] bytes = IrCodec.encode(Examples.seedSelect());
        assertThat(HexFormat.of().formatHex(bytes)).isEqualTo(SEED_HEX);
        assertThat(bytes).hasSize(260);
        assertThat(IrCodec.decode(HexFormat.of().parseHex(SEED_HEX))).isEqualTo(Examples.seedSelect());
        byte[] shape = IrCodec.read(bytes).shape().toByteArray();
        assertThat(shape).hasSize(247).isEqualTo(java.util.Arrays.copyOfRange(bytes, 4, 4 + 247));
    }

    @Test
    void resultFrameExampleMatchesTheDocs() {
        RowSet rows = new RowSet(java.util.List.of("a"),
                java.util.List.of(java.util.List.of(Value.of(1)), java.util.List.of(Value.of(2))));
        assertThat(HexFormat.of().formatHex(IrCodec.encodeResult(rows))).isEqualTo("9401a4726f777391a161929101910" + "2");
    }
}
