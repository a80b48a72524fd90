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

    @Test
    void printSeed() {
        System.out.println(HexFormat.of().formatHex(IrCodec.encode(Examples.seedSelect())));
    }
}
