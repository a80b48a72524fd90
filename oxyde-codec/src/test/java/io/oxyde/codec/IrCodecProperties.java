package io.oxyde.codec;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Round trips over generated IR of every operation, and over generated result frames. */
class IrCodecProperties {

    @Provide
    Arbitrary<QueryIr> queries() {
        return IrArbitraries.query();
    }

    @Provide
    Arbitrary<SelectIr> selects() {
        return IrArbitraries.select();
    }

    @Provide
    Arbitrary<ResultFrame> frames() {
        return IrArbitraries.resultFrame();
    }

    @Property(tries = 600)
    void decodeInvertsEncode(@ForAll("queries") QueryIr ir) {
        byte[] bytes = IrCodec.encode(ir);
        assertThat(IrCodec.decode(bytes)).isEqualTo(ir);
        assertThat(IrCodec.encode(IrCodec.decode(bytes))).isEqualTo(bytes);
    }

    @Property(tries = 300)
    void selectsWithEveryClauseRoundTrip(@ForAll("selects") SelectIr ir) {
        assertThat(IrCodec.decode(IrCodec.encode(ir))).isEqualTo(ir);
    }

    @Property(tries = 600)
    void theFastPathAgreesWithIrTemplate(@ForAll("queries") QueryIr ir) {
        WireQuery wire = IrCodec.read(IrCodec.encode(ir));
        IrTemplate.Parameterized p = IrTemplate.parameterize(ir);
        assertThat(wire.values()).isEqualTo(p.values());
        assertThat(wire.template()).isEqualTo(p.template());
        assertThat(wire.ir()).isEqualTo(ir);
        assertThat(wire.shape()).isEqualTo(IrCodec.shapeOf(ir));
        assertThat(IrTemplate.bind(p.template(), p.values())).isEqualTo(ir);
    }

    @Property(tries = 400)
    void resultFramesRoundTrip(@ForAll("frames") ResultFrame frame) {
        assertThat(IrCodec.decodeResult(IrCodec.encodeResult(frame))).isEqualTo(frame);
    }
}
